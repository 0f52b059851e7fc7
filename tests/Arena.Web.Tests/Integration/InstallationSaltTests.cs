using Arena.Testing;
using Arena.Web.Battles;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Arena.Web.Tests.Integration;

/// <summary>The address-hash salt is the installation's own: random, made once, shared by its replicas, never a
/// constant from the repository.</summary>
[Collection("platform")]
public sealed class InstallationSaltTests
{
    sealed class Replica(string schema) : ArenaAppFactory(schema);

    static string SaltOf(ArenaAppFactory app) => app.Services.GetRequiredService<IOptions<BattleWebOptions>>().Value.AddressSalt;

    [Fact]
    public async Task EachInstallationMakesItsOwnSaltAndItsReplicasShareIt()
    {
        await using var first = new ArenaAppFactory();
        await using var replica = new Replica(first.Schema);
        await using var other = new ArenaAppFactory();
        try
        {
            var salt = SaltOf(first);
            Assert.Equal(64, salt.Length);                 // 32 random bytes, hex
            Assert.Equal(salt, SaltOf(replica));           // same database: same salt
            Assert.NotEqual(salt, SaltOf(other));          // another installation: its own
            await using var session = first.Services.GetRequiredService<IDocumentStore>().QuerySession();
            Assert.Equal(salt, (await session.LoadAsync<InstallationSecret>(AddressSaltSetup.SecretId))!.Value);
        }
        finally
        {
            await TestDatabase.DropSchema(first.Schema);
            await TestDatabase.DropSchema(other.Schema);
        }
    }
}
