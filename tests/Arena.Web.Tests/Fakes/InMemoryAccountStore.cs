using Arena.Core;
using Arena.Core.Accounts;

namespace Arena.Web.Tests.Fakes;

public sealed class InMemoryAccountStore : IAccountStore
{
    public List<UserAccount> Accounts { get; } = [];

    public Task<UserAccount?> FindByName(string userName, CancellationToken ct = default) =>
        Task.FromResult(Accounts.FirstOrDefault(a => a.NormalizedUserName == userName.ToUpperInvariant()));

    public Task<UserAccount?> Find(Guid id, CancellationToken ct = default) =>
        Task.FromResult(Accounts.FirstOrDefault(a => a.Id == id));

    public Task<UserAccount> Create(string userName, string passwordHash, CancellationToken ct = default)
    {
        if (Accounts.Any(a => a.NormalizedUserName == userName.ToUpperInvariant()))
            throw DomainException.Invalid($"the user name '{userName}' is taken");
        var account = new UserAccount
        {
            Id = Guid.NewGuid(),
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            PasswordHash = passwordHash,
            Created = DateTimeOffset.UtcNow,
            SecurityStamp = UserAccount.NewSecurityStamp(),
        };
        Accounts.Add(account);
        return Task.FromResult(account);
    }

    public Task<string?> RenewSecurityStamp(Guid id, CancellationToken ct = default)
    {
        if (Accounts.FirstOrDefault(a => a.Id == id) is not { } account) return Task.FromResult<string?>(null);
        account.SecurityStamp = UserAccount.NewSecurityStamp();
        return Task.FromResult<string?>(account.SecurityStamp);
    }
}
