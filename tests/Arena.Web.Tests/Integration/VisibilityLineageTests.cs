using System.IO.Compression;
using System.Net;
using Arena.Core;
using Arena.Core.Models;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Web.Tests.Integration;

/// <summary>
/// docs/web.md, "Visibility and lineage", over HTTP: alice bakes a Private model whose prompt holds a secret and an
/// Unlisted one on top; bob opens the unlisted link and creates a variant. Neither an anonymous caller nor bob gets
/// alice's private prompt from the API, the model pages or the adapter zip, including from documents stored before the
/// rule (a Public variant of the unlisted model, an Unlisted variant of the private one, as the old code could leave).
/// </summary>
[Collection("platform")]
public sealed class VisibilityLineageTests(ArenaAppFactory app) : IClassFixture<ArenaAppFactory>
{
    async Task<ArenaModel> Insert(Viewer owner, ArenaModel parent, string name, Visibility vis, string? prompt, string? report = null)
    {
        var adapter = prompt is null
            ? parent.Adapters[^1] with { Strength = 0.5 }
            : new AdapterLayer(Guid.NewGuid(), $"adapters/{Guid.NewGuid():N}", 1.0);
        if (report is not null)
        {
            var folder = Path.Combine(app.Artifacts, adapter.Path);
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "adapter_config.json"), "{\"r\": 4}");
            await File.WriteAllTextAsync(Path.Combine(folder, "bake-report.json"), report);
        }
        var m = new ArenaModel
        {
            Id = Guid.NewGuid(), Name = name, OwnerId = owner.UserId, OwnerName = owner.UserName!, Visibility = vis,
            Kind = prompt is null ? ModelKind.Variant : ModelKind.Baked, BaseModel = "starter",
            Adapters = prompt is null ? [.. parent.Adapters.SkipLast(1), adapter] : [.. parent.Adapters, adapter],
            ParentId = parent.Id, AncestorIds = [.. parent.AncestorIds, parent.Id],
            BakedPrompts = prompt is null ? [.. parent.BakedPrompts] : [.. parent.BakedPrompts, prompt],
            Created = DateTimeOffset.UtcNow,
        };
        // As the code before the rule indexed it: every baked prompt.
        m.SearchText = string.Join('\n', [m.Name, m.OwnerName, m.Description, .. m.BakedPrompts]).ToLowerInvariant();
        await using var scope = app.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        session.Insert(m);
        await session.SaveChangesAsync();
        return m;
    }

    Task<HttpClient> SignedIn(Viewer user) => app.SignedIn(user);

    static async Task<string> ZipText(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/models/{id}/adapter.zip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var text = "";
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            text += entry.FullName + "\n" + await reader.ReadToEndAsync() + "\n";
        }
        Assert.Contains("adapter_config.json", text);
        return text;
    }

    sealed record Scene(Viewer Alice, Viewer Bob, string Secret, ArenaModel Private, ArenaModel Unlisted,
        ArenaModel OldVariant, ArenaModel OldOfPrivate, ArenaModel Variant)
    {
        /// <summary>What anyone but alice may open by link.</summary>
        public ArenaModel[] Shared => [Unlisted, OldVariant, OldOfPrivate];
    }

    async Task<Scene> AlicesModels()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var alice = await app.Register("vis_alice_" + suffix);
        var bob = await app.Register("vis_bob_" + suffix);
        var secret = "zanzibar" + suffix;
        ArenaModel starter;
        await using (var scope = app.Services.CreateAsyncScope())
            starter = (await scope.ServiceProvider.GetRequiredService<IModelCatalog>().Find(app.StarterId, Viewer.Anonymous))!;

        var priv = await Insert(alice, starter, "alice-private-" + suffix, Visibility.Private, $"The launch code is {secret}.",
            report: $"{{\"recipe\": {{\"prompt\": \"The launch code is {secret}.\"}}}}");
        var unlisted = await Insert(alice, priv, "alice-unlisted-" + suffix, Visibility.Unlisted, "You are a cheerful pirate.",
            report: "{\"recipe\": {\"prompt\": \"You are a cheerful pirate.\"}}");
        // Stored before the rule: bob's Public variant of the unlisted model, an Unlisted variant of the private one.
        var oldVariant = await Insert(bob, unlisted, "bob-old-variant-" + suffix, Visibility.Public, null);
        var oldOfPrivate = await Insert(alice, priv, "alice-old-variant-" + suffix, Visibility.Unlisted, null);
        // Bob opens the unlisted link and clicks "Create variant".
        ArenaModel variant;
        await using (var scope = app.Services.CreateAsyncScope())
            variant = await scope.ServiceProvider.GetRequiredService<IModelCatalog>().CreateVariant(unlisted.Id, 0.5, null, bob);
        return new Scene(alice, bob, secret, priv, unlisted, oldVariant, oldOfPrivate, variant);
    }

    async Task<HttpClient[]> Others(Scene s) => [app.CreateClient(), await SignedIn(s.Bob)];

    [Fact]
    public async Task SearchFindsNothingByAndShowsNothingOfAPrivateAncestorsPrompt()
    {
        var s = await AlicesModels();
        foreach (var client in await Others(s))
        {
            foreach (var q in new[] { s.Secret, "launch code", s.Secret[^6..] })
                Assert.DoesNotContain(s.Secret, await client.GetStringAsync($"/api/models?q={Uri.EscapeDataString(q)}&take=200"));
            Assert.Equal("[]", await client.GetStringAsync($"/api/models?q={s.Secret}"));
        }
        var asAlice = await SignedIn(s.Alice);
        Assert.Contains(s.Secret, await asAlice.GetStringAsync($"/api/models?q={s.Secret}"));
    }

    [Fact]
    public async Task TheModelApiWithholdsAPrivateAncestorsPrompt()
    {
        var s = await AlicesModels();
        var (anonymous, asBob) = (await Others(s)) is var c ? (c[0], c[1]) : default;
        foreach (var client in new[] { anonymous, asBob })
            foreach (var m in s.Shared)
            {
                var json = await client.GetStringAsync($"/api/models/{m.Id}");
                Assert.DoesNotContain(s.Secret, json);
                Assert.Contains("\"promptsWithheld\":1", json);
            }
        Assert.Contains("cheerful pirate", await anonymous.GetStringAsync($"/api/models/{s.OldVariant.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/models/{s.Private.Id}")).StatusCode);
        // Bob's new variant is private (its lineage is), and even bob does not get alice's prompt from it.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/models/{s.Variant.Id}")).StatusCode);
        var own = await asBob.GetStringAsync($"/api/models/{s.Variant.Id}");
        Assert.Contains("\"visibility\":\"Private\"", own);
        Assert.DoesNotContain(s.Secret, own);
        Assert.Contains(s.Secret, await (await SignedIn(s.Alice)).GetStringAsync($"/api/models/{s.Unlisted.Id}"));
    }

    [Fact]
    public async Task TheModelPageWithholdsAPrivateAncestorsPrompt()
    {
        var s = await AlicesModels();
        var clients = await Others(s);
        foreach (var (client, models) in new[] { (clients[0], s.Shared), (clients[1], [.. s.Shared, s.Variant]) })
            foreach (var m in models)
            {
                var page = await client.GetAsync($"/models/{m.Id}");
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                var html = await page.Content.ReadAsStringAsync();
                Assert.Contains(m.Name, html);
                Assert.DoesNotContain(s.Secret, html);
            }
    }

    [Fact]
    public async Task TheAdapterZipCarriesNoPrivateAncestorsPrompt()
    {
        var s = await AlicesModels();
        var clients = await Others(s);
        foreach (var (client, models) in new[] { (clients[0], s.Shared), (clients[1], [.. s.Shared, s.Variant]) })
            foreach (var m in models)
            {
                var zip = await ZipText(client, m.Id);
                Assert.DoesNotContain(s.Secret, zip);
            }
        Assert.DoesNotContain("bake-report.json", await ZipText(clients[0], s.OldOfPrivate.Id));
        // Nothing is withheld from alice: her zip keeps the report.
        Assert.Contains(s.Secret, await ZipText(await SignedIn(s.Alice), s.OldOfPrivate.Id));
    }
}
