using System.Security.Cryptography;
using System.Text;

namespace Arena.Core.Accounts;

/// <summary>
/// The account that owns the house models a fresh install is seeded with. Nobody can sign in as it (its password
/// hash is <see cref="NoPassword"/>, which no password matches) and nobody can register its name, so "by house" on
/// a model always means the installation made it.
/// </summary>
public static class HouseAccount
{
    public const string UserName = "house";

    /// <summary>Not a hash any hasher writes (not even base64): sign-in refuses it before asking the hasher.</summary>
    public const string NoPassword = "!";

    /// <summary>Names registration refuses: the house account's, and the owner name the base models show.</summary>
    static readonly string[] Reserved = [AccountStore.Normalize(UserName), AccountStore.Normalize("arena")];

    /// <summary>Name-based, so every web replica seeding at once writes the same document.</summary>
    public static readonly Guid Id = new(MD5.HashData(Encoding.UTF8.GetBytes("arena-house-account:" + UserName)));

    public static bool IsReserved(string? userName) =>
        userName is not null && Reserved.Contains(AccountStore.Normalize(userName));

    /// <summary>Whether an account can ever sign in with a password.</summary>
    public static bool CanSignIn(UserAccount account) => account.Id != Id && account.PasswordHash != NoPassword;

    public static UserAccount New(DateTimeOffset at) => new()
    {
        Id = Id,
        UserName = UserName,
        NormalizedUserName = AccountStore.Normalize(UserName),
        PasswordHash = NoPassword,
        Created = at,
        SecurityStamp = UserAccount.NewSecurityStamp(),
    };
}
