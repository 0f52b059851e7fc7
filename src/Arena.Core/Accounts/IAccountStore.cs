namespace Arena.Core.Accounts;

/// <summary>User documents. Hashing is the web layer's (ASP.NET Core's PasswordHasher); this only stores.</summary>
public interface IAccountStore
{
    Task<UserAccount?> FindByName(string userName, CancellationToken ct = default);
    Task<UserAccount?> Find(Guid id, CancellationToken ct = default);
    /// <summary>Throws <see cref="DomainException"/> (Invalid) when the name is taken (case-insensitively) or malformed.</summary>
    Task<UserAccount> Create(string userName, string passwordHash, CancellationToken ct = default);
    /// <summary>Gives the account a new <see cref="UserAccount.SecurityStamp"/> (every cookie issued before is refused
    /// from then on) and returns it; null when there is no such account.</summary>
    Task<string?> RenewSecurityStamp(Guid id, CancellationToken ct = default);
}
