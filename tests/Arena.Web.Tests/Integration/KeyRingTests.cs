using Arena.Testing;
using Arena.Web.Hosting;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Web.Tests.Integration;

/// <summary>Two replicas of the web app on one database, as k8s/web.yaml runs them: a sign-in made on one is good
/// on the other, because the data-protection key ring that signs the cookie lives in PostgreSQL.</summary>
[Collection("platform")]
public sealed class KeyRingTests
{
    /// <summary>A second instance of the app on another instance's schema.</summary>
    sealed class Replica(string schema) : ArenaAppFactory(schema);

    [Fact]
    public async Task ACookieFromOneReplicaSignsInOnAnotherAndTheKeysLiveInPostgreSql()
    {
        await using var first = new ArenaAppFactory();
        await using var second = new Replica(first.Schema);
        try
        {
            await first.Register("keyring_user");
            var one = FormClient.For(first);
            await one.SignIn("keyring_user", "correct horse battery");
            Assert.True(await one.IsSignedIn());

            var other = FormClient.For(second);
            other.Cookies["arena.auth"] = one.AuthCookie!;
            Assert.True(await other.IsSignedIn());

            await using var scope = first.Services.CreateAsyncScope();
            var keys = await scope.ServiceProvider.GetRequiredService<IQuerySession>().Query<DataProtectionKey>().ToListAsync();
            Assert.Contains(keys, k => k.Xml.Contains("<key ", StringComparison.Ordinal));
        }
        finally
        {
            await TestDatabase.DropSchema(first.Schema);
        }
    }
}
