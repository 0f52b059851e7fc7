using Arena.Core.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Core.Tests.Storage;

public sealed class AccountStoreTests(StoreFixture db) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task CreatedUserIsFoundByNameCaseInsensitivelyAndById()
    {
        var created = await db.In(sp => sp.GetRequiredService<IAccountStore>().Create("Ada_Lovelace", "h1"));
        var byName = await db.In(sp => sp.GetRequiredService<IAccountStore>().FindByName("ada_lovelace"));
        var byId = await db.In(sp => sp.GetRequiredService<IAccountStore>().Find(created.Id));
        Assert.Equal(created.Id, byName!.Id);
        Assert.Equal("Ada_Lovelace", byId!.UserName);
        Assert.Equal("h1", byId.PasswordHash);
    }

    [Fact]
    public async Task DuplicateNamesAreRefusedWhateverTheCase()
    {
        await db.In(sp => sp.GetRequiredService<IAccountStore>().Create("grace", "h"));
        var e = await Assert.ThrowsAsync<DomainException>(() => db.In(sp => sp.GetRequiredService<IAccountStore>().Create("GRACE", "h")));
        Assert.Equal(DomainError.Invalid, e.Error);
        Assert.Contains("taken", e.Message);
    }

    [Fact]
    public async Task ConcurrentRegistrationsOfOneNameCreateOneUser()
    {
        var tasks = Enumerable.Range(0, 6).Select(_ => db.In(async sp =>
        {
            try { await sp.GetRequiredService<IAccountStore>().Create("racer", "h"); return true; }
            catch (DomainException) { return false; }
        })).ToList();
        var results = await Task.WhenAll(tasks);
        Assert.Equal(1, results.Count(r => r));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("has space")]
    [InlineData("<script>")]
    [InlineData("a-name-that-is-much-longer-than-thirty-two-chars")]
    public async Task MalformedNamesAreRefused(string name)
    {
        var e = await Assert.ThrowsAsync<DomainException>(() => db.In(sp => sp.GetRequiredService<IAccountStore>().Create(name, "h")));
        Assert.Equal(DomainError.Invalid, e.Error);
    }

    [Fact]
    public async Task EveryAccountHasASecurityStampThatRenewingReplaces()
    {
        var created = await db.In(sp => sp.GetRequiredService<IAccountStore>().Create("stamped", "h"));
        Assert.False(string.IsNullOrEmpty(created.SecurityStamp));

        var renewed = await db.In(sp => sp.GetRequiredService<IAccountStore>().RenewSecurityStamp(created.Id));
        var stored = await db.In(sp => sp.GetRequiredService<IAccountStore>().Find(created.Id));
        Assert.NotEqual(created.SecurityStamp, renewed);
        Assert.Equal(renewed, stored!.SecurityStamp);
        Assert.Null(await db.In(sp => sp.GetRequiredService<IAccountStore>().RenewSecurityStamp(Guid.NewGuid())));
    }
}
