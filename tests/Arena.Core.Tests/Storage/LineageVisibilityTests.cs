using Arena.Core.Bakes;
using Arena.Core.Battles;
using Arena.Core.Models;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Core.Tests.Storage;

/// <summary>
/// docs/web.md, "Visibility and lineage": alice bakes a Private model whose prompt holds a secret and an Unlisted one
/// on top; bob forks the unlisted one. No fork is more visible than its lineage, and nobody but alice sees, lists or
/// finds the secret, on new documents and on ones stored before the rule (written here as the old code wrote them).
/// </summary>
public sealed class LineageVisibilityTests(StoreFixture db) : IClassFixture<StoreFixture>
{
    sealed record Lineage(Viewer Alice, Viewer Bob, string Secret, ArenaModel Private, ArenaModel Unlisted);

    /// <summary>A baked model as the journal stored it before the fix: its search text holds every baked prompt.</summary>
    async Task<ArenaModel> Store(Viewer owner, ArenaModel parent, string name, Visibility vis, string? prompt,
        string baseModel = "starter")
    {
        var m = new ArenaModel
        {
            Id = Guid.NewGuid(), Name = name, OwnerId = owner.UserId, OwnerName = owner.UserName!, Visibility = vis,
            Kind = prompt is null ? ModelKind.Variant : ModelKind.Baked, BaseModel = baseModel,
            Adapters = prompt is null
                ? [.. parent.Adapters.SkipLast(1), parent.Adapters[^1] with { Strength = 0.5 }]
                : [.. parent.Adapters, new AdapterLayer(Guid.NewGuid(), $"adapters/{name}", 1.0)],
            ParentId = parent.Id, AncestorIds = [.. parent.AncestorIds, parent.Id],
            BakedPrompts = prompt is null ? [.. parent.BakedPrompts] : [.. parent.BakedPrompts, prompt],
            Created = DateTimeOffset.UtcNow,
        };
        m.SearchText = string.Join('\n', [m.Name, m.OwnerName, m.Description, .. m.BakedPrompts]).ToLowerInvariant();
        await db.In(async sp => { var s = sp.GetRequiredService<IDocumentSession>(); s.Insert(m); await s.SaveChangesAsync(); });
        return m;
    }

    async Task<Lineage> AlicesModels(string baseModel = "starter")
    {
        var alice = await db.NewUser();
        var bob = await db.NewUser();
        var secret = "zanzibar" + Guid.NewGuid().ToString("N")[..8];
        var starter = await Catalog(c => c.Find(db.StarterId, Viewer.Anonymous));
        var priv = await Store(alice, starter!, "alice-private", Visibility.Private, $"The launch code is {secret}.", baseModel);
        var unlisted = await Store(alice, priv, "alice-unlisted", Visibility.Unlisted, "You are a cheerful pirate.", baseModel);
        return new Lineage(alice, bob, secret, priv, unlisted);
    }

    Task<T> Catalog<T>(Func<IModelCatalog, Task<T>> f) => db.In(sp => f(sp.GetRequiredService<IModelCatalog>()));

    static IEnumerable<LineageNode> Flatten(LineageNode n) => n.Children.SelectMany(Flatten).Prepend(n);

    void NoSecret(string secret, params IEnumerable<ArenaModel?>[] models)
    {
        foreach (var m in models.SelectMany(x => x).OfType<ArenaModel>())
        {
            Assert.DoesNotContain(m.BakedPrompts, p => p.Contains(secret));
            Assert.DoesNotContain(secret, m.SearchText);
            Assert.DoesNotContain(secret, m.Recipe?.Prompt ?? "");
        }
    }

    [Fact]
    public async Task AVariantIsNoMoreVisibleThanItsLineageAndShowsNoPromptOfAPrivateAncestor()
    {
        var (alice, bob, secret, priv, unlisted) = await AlicesModels();
        var variant = await Catalog(c => c.CreateVariant(unlisted.Id, 0.5, null, bob));

        // alice's unlisted model stands on her private one: the lineage is effectively private, so is the variant.
        Assert.Equal(Visibility.Private, variant.Visibility);
        var stored = await db.In(sp => sp.GetRequiredService<IQuerySession>().LoadAsync<ArenaModel>(variant.Id));
        Assert.Equal(Visibility.Private, stored!.Visibility);
        Assert.DoesNotContain(secret, stored.SearchText);
        Assert.Equal(2, stored.BakedPrompts.Count);              // the document keeps its whole stack
        Assert.Null(await Catalog(c => c.Find(variant.Id, Viewer.Anonymous)));

        var mine = await Catalog(c => c.Find(variant.Id, bob));
        Assert.Equal(["You are a cheerful pirate."], mine!.BakedPrompts);
        foreach (var viewer in new[] { Viewer.Anonymous, bob })
        {
            Assert.Empty(await Catalog(c => c.Search(secret, viewer)));
            NoSecret(secret, [variant, await Catalog(c => c.Find(unlisted.Id, viewer))],
                await Catalog(c => c.Ancestors(unlisted.Id, viewer)),
                Flatten(await Catalog(c => c.Lineage(unlisted.Id, viewer))).Select(n => n.Model),
                (await Catalog(c => c.Forest(viewer))).SelectMany(Flatten).Select(n => n.Model),
                await Catalog(c => c.ByOwner(bob.UserId!.Value, viewer)));
        }
        NoSecret(secret, [mine], await Catalog(c => c.Ancestors(variant.Id, bob)),
            Flatten(await Catalog(c => c.Lineage(variant.Id, bob))).Select(n => n.Model),
            await Catalog(c => c.Search(null, bob, take: 200)));
        // The owner of the private model still sees its prompt.
        Assert.Contains($"The launch code is {secret}.", (await Catalog(c => c.Find(unlisted.Id, alice)))!.BakedPrompts);
        Assert.Contains(priv.Id, (await Catalog(c => c.Search(secret, alice))).Select(m => m.Id));
    }

    [Fact]
    public async Task AVariantOfAnUnlistedModelIsUnlistedAndNotListed()
    {
        var alice = await db.NewUser();
        var bob = await db.NewUser();
        var starter = await Catalog(c => c.Find(db.StarterId, Viewer.Anonymous));
        var unlisted = await Store(alice, starter!, "plain-unlisted", Visibility.Unlisted, "You are a quiet owl.");
        var variant = await Catalog(c => c.CreateVariant(unlisted.Id, 0.5, null, bob));
        Assert.Equal(Visibility.Unlisted, variant.Visibility);
        Assert.Equal(["You are a quiet owl."], (await Catalog(c => c.Find(variant.Id, Viewer.Anonymous)))!.BakedPrompts);
        Assert.DoesNotContain(variant.Id, (await Catalog(c => c.Search("quiet owl", Viewer.Anonymous))).Select(m => m.Id));
        Assert.DoesNotContain(variant.Id, (await Catalog(c => c.Search(null, Viewer.Anonymous, take: 200))).Select(m => m.Id));
        Assert.Contains(variant.Id, (await Catalog(c => c.Search("quiet owl", bob))).Select(m => m.Id));
    }

    [Fact]
    public async Task AModelStoredBeforeTheRuleIsNeitherListedNorFoundByAHiddenPrompt()
    {
        var (_, bob, secret, _, unlisted) = await AlicesModels();
        // What the old code made of bob's "Create variant": a Public variant indexing alice's private prompt.
        var old = await Store(bob, unlisted, "bobs-old-variant", Visibility.Public, null);

        foreach (var viewer in new[] { Viewer.Anonymous, bob })
        {
            Assert.Empty(await Catalog(c => c.Search(secret, viewer)));
            Assert.Empty(await Catalog(c => c.Search("launch code", viewer)));
            var found = await Catalog(c => c.Find(old.Id, viewer));                   // by link, as before
            Assert.Equal(["You are a cheerful pirate."], found!.BakedPrompts);
            NoSecret(secret, [found], Flatten(await Catalog(c => c.Lineage(old.Id, viewer))).Select(n => n.Model));
        }
        // On an unlisted lineage it is no longer listed to others.
        Assert.DoesNotContain(old.Id, (await Catalog(c => c.Search("bobs-old-variant", Viewer.Anonymous))).Select(m => m.Id));
        Assert.DoesNotContain(old.Id, (await Catalog(c => c.ByOwner(bob.UserId!.Value, Viewer.Anonymous))).Select(m => m.Id));
        Assert.DoesNotContain(old.Id, (await Catalog(c => c.Forest(Viewer.Anonymous))).SelectMany(Flatten).Select(n => n.Model.Id));
        Assert.Contains(old.Id, (await Catalog(c => c.Search("bobs-old-variant", bob))).Select(m => m.Id));   // its owner's list
    }

    [Fact]
    public async Task OnlyEffectivelyPublicModelsBattle()
    {
        var baseModel = "vis-base-" + Guid.NewGuid().ToString("N")[..6];
        var (_, bob, _, _, unlisted) = await AlicesModels(baseModel);
        var starter = await Catalog(c => c.Find(db.StarterId, Viewer.Anonymous));
        var fair = await Store(bob, starter!, "fair-public", Visibility.Public, "Be kind.", baseModel);
        var old = await Store(bob, unlisted, "bobs-old-public", Visibility.Public, null, baseModel);
        // The public documents of this base: a public model, and an old variant on an unlisted lineage, which may not
        // battle; so there is no second contestant.
        var e = await Assert.ThrowsAsync<DomainException>(() => db.In(sp => sp.GetRequiredService<IBattleService>()
            .Start(Viewer.Anonymous, "anon:test", "ip", "Hello?", new BattleStartOptions(baseModel))));
        Assert.Equal(DomainError.Conflict, e.Error);
    }

    [Fact]
    public async Task AForkIsNoMoreVisibleThanItsLineageAndItsSearchTextHoldsNoHiddenPrompt()
    {
        var (_, bob, secret, _, unlisted) = await AlicesModels();
        var jobId = await db.In(sp => sp.GetRequiredService<IBakeService>().Request(
            new BakeRequest(unlisted.Id, "bobs-fork", "", Visibility.Public, BakePresets.Pirate, StoreFixture.Settings("Speak in rhymes.")), bob));
        Assert.Equal(Visibility.Private, (await db.In(sp => sp.GetRequiredService<IBakeService>().Find(jobId, bob)))!.Visibility);
        var modelId = await db.In(sp => sp.GetRequiredService<IBakeJournal>().Completed(jobId, 1, $"adapters/{jobId:N}", 0.8, 0.1, 3, 1, 1, DateTimeOffset.UtcNow));
        var stored = await db.In(sp => sp.GetRequiredService<IQuerySession>().LoadAsync<ArenaModel>(modelId!.Value));
        Assert.Equal(Visibility.Private, stored!.Visibility);
        Assert.DoesNotContain(secret, stored.SearchText);
        Assert.Null(await db.In(sp => sp.GetRequiredService<IModelCatalog>().Find(stored.Id, Viewer.Anonymous)));
        Assert.Equal(["You are a cheerful pirate.", "Speak in rhymes."], (await db.In(sp => sp.GetRequiredService<IModelCatalog>().Find(stored.Id, bob)))!.BakedPrompts);
    }
}
