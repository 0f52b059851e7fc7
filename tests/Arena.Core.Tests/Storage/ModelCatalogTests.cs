using Arena.Core.Models;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Core.Tests.Storage;

public sealed class ModelCatalogTests(StoreFixture db) : IClassFixture<StoreFixture>
{
    /// <summary>Stores a baked model under <paramref name="parent"/> as the journal would.</summary>
    async Task<ArenaModel> Bake(Viewer owner, ArenaModel parent, string name, Visibility vis = Visibility.Public, string prompt = "p")
    {
        var m = new ArenaModel
        {
            Id = Guid.NewGuid(), Name = name, OwnerId = owner.UserId, OwnerName = owner.UserName!, Visibility = vis,
            Kind = ModelKind.Baked, BaseModel = parent.BaseModel,
            Adapters = [.. parent.Adapters, new AdapterLayer(Guid.NewGuid(), $"adapters/{name}", 1.0)],
            ParentId = parent.Id, AncestorIds = [.. parent.AncestorIds, parent.Id], BakedPrompts = [.. parent.BakedPrompts, prompt],
            Created = DateTimeOffset.UtcNow,
        }.RefreshSearchText();
        await db.In(async sp => { var s = sp.GetRequiredService<IDocumentSession>(); s.Insert(m); await s.SaveChangesAsync(); });
        return m;
    }

    Task<ArenaModel> Starter() => db.In(sp => sp.GetRequiredService<IModelCatalog>().Find(db.StarterId, Viewer.Anonymous))!;
    Task<T> Catalog<T>(Func<IModelCatalog, Task<T>> f) => db.In(sp => f(sp.GetRequiredService<IModelCatalog>()));

    [Theory]
    [InlineData("\0")]
    [InlineData("star\0ter")]
    [InlineData("\u0001\u001b")]
    public async Task ControlCharactersInASearchNeverReachPostgreSql(string text)
    {
        await db.In(sp => sp.GetRequiredService<IModelCatalog>().EnsureBaseModels(["starter"]));

        var found = await Catalog(c => c.Search(text, Viewer.Anonymous));

        Assert.Contains(found, m => m.Id == db.StarterId);
    }

    [Fact]
    public async Task BaseModelsAreSeededOnceAndPublic()
    {
        await db.In(sp => sp.GetRequiredService<IModelCatalog>().EnsureBaseModels(["starter", "starter"]));
        var starter = await Starter();
        Assert.Equal(ModelKind.Base, starter!.Kind);
        Assert.Equal("arena", starter.OwnerName);
        var all = await db.In(sp => sp.GetRequiredService<IQuerySession>().Query<ArenaModel>().Where(m => m.Kind == ModelKind.Base).ToListAsync());
        Assert.Single(all);
    }

    [Fact]
    public async Task VisibilityDecidesWhoFindsAndWhoListsAModel()
    {
        var owner = await db.NewUser();
        var other = await db.NewUser();
        var starter = await Starter();
        var priv = await Bake(owner, starter, "vis-private", Visibility.Private);
        var unlisted = await Bake(owner, starter, "vis-unlisted", Visibility.Unlisted);
        var pub = await Bake(owner, starter, "vis-public", Visibility.Public);

        Assert.NotNull(await Catalog(c => c.Find(priv.Id, owner)));
        Assert.Null(await Catalog(c => c.Find(priv.Id, other)));
        Assert.Null(await Catalog(c => c.Find(priv.Id, Viewer.Anonymous)));
        Assert.NotNull(await Catalog(c => c.Find(unlisted.Id, Viewer.Anonymous)));   // by link

        var anonSees = (await Catalog(c => c.Search("vis-", Viewer.Anonymous))).Select(m => m.Name).ToList();
        Assert.Equal(["vis-public"], anonSees);
        var ownerSees = (await Catalog(c => c.Search("vis-", owner))).Select(m => m.Name).Order().ToList();
        Assert.Equal(["vis-private", "vis-public", "vis-unlisted"], ownerSees);
        Assert.Equal(["vis-public"], (await Catalog(c => c.ByOwner(owner.UserId!.Value, other))).Select(m => m.Name));
        Assert.Contains(pub.Id, (await Catalog(c => c.Search(null, other, take: 200))).Select(m => m.Id));
    }

    [Fact]
    public async Task SearchMatchesPromptsAndOwnerCaseInsensitively()
    {
        var owner = await db.NewUser("SearchOwner");
        var m = await Bake(owner, await Starter(), "Salty", prompt: "You are a GRUMPY lighthouse keeper.");
        Assert.Contains(m.Id, (await Catalog(c => c.Search("grumpy lighthouse", Viewer.Anonymous))).Select(x => x.Id));
        Assert.Contains(m.Id, (await Catalog(c => c.Search("searchowner", Viewer.Anonymous))).Select(x => x.Id));
        Assert.Empty(await Catalog(c => c.Search("no such words anywhere", Viewer.Anonymous)));
    }

    [Fact]
    public async Task LineageIsATreeAndPrivateNodesOfOthersAreSkipped()
    {
        var alice = await db.NewUser();
        var bob = await db.NewUser();
        var starter = await Starter();
        var a = await Bake(alice, starter, "lin-a");
        var b = await Bake(alice, a, "lin-b", Visibility.Private);
        var c = await Bake(alice, b, "lin-c");
        var d = await Bake(bob, a, "lin-d");

        var forAlice = await Catalog(x => x.Lineage(c.Id, alice));
        Assert.Equal(starter.Id, forAlice.Model.Id);
        var aNode = Assert.Single(forAlice.Children, n => n.Model.Id == a.Id);
        Assert.Equal(new[] { b.Id, d.Id }.Order(), aNode.Children.Select(n => n.Model.Id).Order());
        Assert.Equal(c.Id, Assert.Single(aNode.Children.Single(n => n.Model.Id == b.Id).Children).Model.Id);

        // Bob cannot see lin-b: lin-c hangs under lin-a instead of disappearing.
        var forBob = await Catalog(x => x.Lineage(c.Id, bob));
        var aForBob = Assert.Single(forBob.Children, n => n.Model.Id == a.Id);
        Assert.Equal(new[] { c.Id, d.Id }.Order(), aForBob.Children.Select(n => n.Model.Id).Order());
        Assert.DoesNotContain(Flatten(forBob), n => n.Model.Id == b.Id);

        var ancestors = await Catalog(x => x.Ancestors(c.Id, bob));
        Assert.Equal([starter.Id, a.Id], ancestors.Select(m => m.Id));
        var forest = await Catalog(x => x.Forest(Viewer.Anonymous));
        Assert.Contains(forest, t => t.Model.Id == starter.Id);
    }

    [Fact]
    public async Task VariantsScaleTheLastAdapterAndAreBounded()
    {
        var owner = await db.NewUser();
        var fan = await db.NewUser();
        var a = await Bake(owner, await Starter(), "var-a");
        var b = await Bake(owner, a, "var-b");
        var half = await Catalog(c => c.CreateVariant(b.Id, 0.5, null, fan));
        Assert.Equal(ModelKind.Variant, half.Kind);
        Assert.Equal(b.Id, half.ParentId);
        Assert.Equal(fan.UserId, half.OwnerId);
        Assert.Equal([1.0, 0.5], half.Adapters.Select(x => x.Strength));
        Assert.Equal(b.Adapters.Select(x => x.Path), half.Adapters.Select(x => x.Path));
        Assert.Equal("var-b @ 0.5", half.Name);

        var tooStrong = await Assert.ThrowsAsync<DomainException>(() => Catalog(c => c.CreateVariant(b.Id, 99, null, fan)));
        Assert.Equal(DomainError.Invalid, tooStrong.Error);
        var nan = await Assert.ThrowsAsync<DomainException>(() => Catalog(c => c.CreateVariant(b.Id, double.NaN, null, fan)));
        Assert.Equal(DomainError.Invalid, nan.Error);
        var baseModel = await Assert.ThrowsAsync<DomainException>(() => Catalog(c => c.CreateVariant(db.StarterId, 0.5, null, fan)));
        Assert.Equal(DomainError.Invalid, baseModel.Error);
        var anon = await Assert.ThrowsAsync<DomainException>(() => Catalog(c => c.CreateVariant(b.Id, 0.5, null, Viewer.Anonymous)));
        Assert.Equal(DomainError.Unauthenticated, anon.Error);
    }

    [Fact]
    public async Task DeleteIsOwnerOnlyAndHidesWithoutBreakingDescendants()
    {
        var owner = await db.NewUser();
        var other = await db.NewUser();
        var a = await Bake(owner, await Starter(), "del-a");
        var child = await Bake(other, a, "del-child");
        var e = await Assert.ThrowsAsync<DomainException>(() => Catalog<int>(async c => { await c.Delete(a.Id, other); return 0; }));
        Assert.Equal(DomainError.Forbidden, e.Error);

        await Catalog<int>(async c => { await c.Delete(a.Id, owner); return 0; });
        Assert.Null(await Catalog(c => c.Find(a.Id, owner)));
        var stillThere = await Catalog(c => c.Find(child.Id, Viewer.Anonymous));
        Assert.Equal(2, stillThere!.Adapters.Count);
        var gone = await Assert.ThrowsAsync<DomainException>(() => Catalog<int>(async c => { await c.Delete(a.Id, owner); return 0; }));
        Assert.Equal(DomainError.NotFound, gone.Error);
    }

    static IEnumerable<LineageNode> Flatten(LineageNode n) => n.Children.SelectMany(Flatten).Prepend(n);
}
