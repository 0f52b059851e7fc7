using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Arena.Core;
using Arena.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Arena.Web.Accounts;

/// <summary>
/// Registration and sign-in checks. Passwords are hashed with ASP.NET Core's <see cref="PasswordHasher{TUser}"/>
/// (PBKDF2, salted, versioned); the store only ever sees the hash. What a password must be is <see cref="PasswordPolicy"/>'s.
/// </summary>
public sealed partial class AccountService(IAccountStore store, IPasswordHasher<UserAccount> hasher)
{
    public const int MinNameLength = 3;
    public const int MaxNameLength = 32;

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex NamePattern();

    /// <summary>The hash an unknown name is checked against, so that answering "no such user" costs what a wrong
    /// password costs (one PBKDF2 run) and sign-in timing does not tell which names exist. One per hasher.</summary>
    private static readonly ConditionalWeakTable<IPasswordHasher<UserAccount>, string> DummyHashes = new();
    private static readonly UserAccount Nobody = new() { UserName = "", NormalizedUserName = "", PasswordHash = "" };

    /// <summary>Whether <paramref name="userName"/> could be an account's name at all (length and characters).</summary>
    public static bool IsWellFormedName(string? userName) =>
        userName is { Length: >= MinNameLength and <= MaxNameLength } && NamePattern().IsMatch(userName);

    /// <summary>Every problem with a registration, as "field: message" pairs (fields: UserName, Password, Confirm).</summary>
    public static IReadOnlyList<(string Field, string Message)> Validate(string? userName, string? password, string? confirm)
    {
        var errors = new List<(string, string)>();
        userName ??= "";
        password ??= "";
        if (userName.Length is < MinNameLength or > MaxNameLength)
            errors.Add(("UserName", $"The user name must be {MinNameLength} to {MaxNameLength} characters long."));
        else if (!NamePattern().IsMatch(userName))
            errors.Add(("UserName", "The user name may contain only letters, digits, '_' and '-'."));
        else if (HouseAccount.IsReserved(userName))
            errors.Add(("UserName", $"The user name '{userName}' is reserved."));
        if (PasswordPolicy.Check(userName, password) is { } problem)
            errors.Add(("Password", problem));
        if (confirm is not null && confirm != password)
            errors.Add(("Confirm", "The passwords do not match."));
        return errors;
    }

    /// <summary>Creates the account. Throws <see cref="DomainException"/> (Invalid) for a bad or taken name or a
    /// weak password; the message is fit to show.</summary>
    public async Task<UserAccount> Register(string userName, string password, CancellationToken ct = default)
    {
        var errors = Validate(userName, password, confirm: null);
        if (errors.Count > 0) throw DomainException.Invalid(errors[0].Message);
        if (await store.FindByName(userName, ct) is not null)
            throw DomainException.Invalid($"The user name '{userName}' is taken.");
        // The hasher ignores the user argument; the store still refuses a name taken by a concurrent registration.
        var hash = hasher.HashPassword(null!, password);
        return await store.Create(userName, hash, ct);
    }

    /// <summary>The account if the name exists and the password matches; otherwise null (one answer for both, so
    /// sign-in does not reveal which names exist — not by its answer, nor by its time).</summary>
    public async Task<UserAccount?> Verify(string? userName, string? password, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password) || password.Length > PasswordPolicy.MaxLength)
            return null;
        var account = await store.FindByName(userName.Trim(), ct);
        // The house account has no password (HouseAccount.NoPassword): it answers as an unknown name does.
        if (account is null || !HouseAccount.CanSignIn(account))
        {
            hasher.VerifyHashedPassword(Nobody, DummyHash(), password);
            return null;
        }
        var result = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        return result == PasswordVerificationResult.Failed ? null : account;
    }

    private string DummyHash() => DummyHashes.GetValue(hasher, h => h.HashPassword(Nobody, Guid.NewGuid().ToString("N")));
}
