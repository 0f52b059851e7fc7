using System.Text.RegularExpressions;
using Marten;
using JasperFx;
using Marten.Exceptions;

namespace Arena.Core.Accounts;

/// <remarks>One short session per call (see ModelCatalog).</remarks>
public sealed partial class AccountStore(IDocumentStore store) : IAccountStore
{
    [GeneratedRegex("^[A-Za-z0-9_-]{3,32}$")]
    private static partial Regex NamePattern();

    public static string Normalize(string userName) => userName.Trim().ToUpperInvariant();

    public async Task<UserAccount?> FindByName(string userName, CancellationToken ct = default)
    {
        var normalized = Normalize(userName);
        await using var session = store.QuerySession();
        return await session.Query<UserAccount>().FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
    }

    public async Task<UserAccount?> Find(Guid id, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<UserAccount>(id, ct);
    }

    public async Task<UserAccount> Create(string userName, string passwordHash, CancellationToken ct = default)
    {
        userName = userName.Trim();
        if (!NamePattern().IsMatch(userName))
            throw DomainException.Invalid("user names are 3–32 characters: letters, digits, '_' and '-'");
        if (string.IsNullOrEmpty(passwordHash)) throw DomainException.Invalid("a password hash is required");
        if (HouseAccount.IsReserved(userName)) throw Taken(userName);
        var user = new UserAccount
        {
            Id = Guid.NewGuid(),
            UserName = userName,
            NormalizedUserName = Normalize(userName),
            PasswordHash = passwordHash,
            Created = DateTimeOffset.UtcNow,
            SecurityStamp = UserAccount.NewSecurityStamp(),
        };
        if (await FindByName(userName, ct) is not null) throw Taken(userName);
        await using var session = store.LightweightSession();
        session.Insert(user);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (IsUniqueViolation(e))
        {
            // Two registrations raced past the check above; the unique index decided.
            throw Taken(userName);
        }
        return user;
    }

    public async Task<string?> RenewSecurityStamp(Guid id, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        var account = await session.LoadAsync<UserAccount>(id, ct);
        if (account is null) return null;
        account.SecurityStamp = UserAccount.NewSecurityStamp();
        session.Update(account);
        await session.SaveChangesAsync(ct);
        return account.SecurityStamp;
    }

    static DomainException Taken(string name) => DomainException.Invalid($"the user name '{name}' is taken");

    internal static bool IsUniqueViolation(Exception e) =>
        e is DocumentAlreadyExistsException || (e is MartenCommandException m && m.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        || e.InnerException is Npgsql.PostgresException { SqlState: "23505" };
}
