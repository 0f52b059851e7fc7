using Arena.Contracts.Bakes;
using Arena.Core.Accounts;
using Arena.Core.Bakes;
using Arena.Core.Battles;
using Arena.Core.Models;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Core.Tests.Storage;

/// <summary>The house models a fresh install is seeded with, on the real store. Each test seeds a base checkpoint of
/// its own (a temporary models folder with a manifest and small stand-in adapter folders: seeding copies files and
/// never loads them), so the tests share the class's schema without seeing each other's models.</summary>
public sealed class HouseModelsTests(StoreFixture db) : IClassFixture<StoreFixture>, IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("arena-house-").FullName;
    string Models => Path.Combine(_root, "models");
    string Artifacts => Path.Combine(_root, "artifacts");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    static HouseModel House(string key, string name) => new(key, name, $"{name}, from the repertoire",
        BakePresets.Example(key), new BakeRecipe { Prompt = BakePresets.Example(key), Epochs = 2 }, 2.5, 0.4, 31, 0.9, 0.95);

    /// <summary>A base checkpoint folder holding a manifest and one adapter folder per house model.</summary>
    async Task<string> Checkpoint(params HouseModel[] models)
    {
        var name = "base-" + Guid.NewGuid().ToString("N")[..8];
        var folder = Path.Combine(Models, name);
        new HouseManifest(name, models).Write(folder);
        foreach (var m in models)
        {
            var adapter = Path.Combine(HouseManifest.FolderOf(folder), m.Key);
            Directory.CreateDirectory(adapter);
            await File.WriteAllTextAsync(Path.Combine(adapter, "adapter_config.json"), "{\"r\": 4}");
            await File.WriteAllTextAsync(Path.Combine(adapter, "adapter_model.safetensors"), "weights of " + m.Key);
            await File.WriteAllTextAsync(Path.Combine(adapter, "bake-report.json"), "{}");
        }
        await db.In(sp => sp.GetRequiredService<IModelCatalog>().EnsureBaseModels([name]));
        return name;
    }

    Task<HouseSeeding> Seed(string name) =>
        db.Services.GetRequiredService<HouseModels>().Ensure(Models, Artifacts, [name]);

    Task<IReadOnlyList<ArenaModel>> ModelsOf(string name) => db.In<IReadOnlyList<ArenaModel>>(async sp =>
        await sp.GetRequiredService<IQuerySession>().Query<ArenaModel>().Where(m => m.BaseModel == name).ToListAsync());

    [Fact]
    public async Task EachAdapterBecomesAPublicHouseModelUnderTheBaseWithItsRecipeOwnedByTheHouseAccount()
    {
        var name = await Checkpoint(House(BakePresets.Pirate, "Pirate Pete"), House(BakePresets.Caps, "Shouty Sam"));

        var added = await Seed(name);

        Assert.Equal(2, added.ModelsAdded);
        Assert.Equal(2, added.AdaptersCopied);
        var baseId = ModelCatalog.BaseModelId(name);
        var pirate = Assert.Single(await ModelsOf(name), m => m.Name == "Pirate Pete");
        Assert.Equal(HouseModels.ModelId(name, BakePresets.Pirate), pirate.Id);
        Assert.True(pirate.House);
        Assert.Equal(ModelKind.Baked, pirate.Kind);
        Assert.Equal(Visibility.Public, pirate.Visibility);
        Assert.Equal(HouseAccount.Id, pirate.OwnerId);
        Assert.Equal(HouseAccount.UserName, pirate.OwnerName);
        Assert.Equal(baseId, pirate.ParentId);
        Assert.Equal([baseId], pirate.AncestorIds);
        Assert.Equal([BakePresets.Example(BakePresets.Pirate)], pirate.BakedPrompts);
        var recipe = Assert.IsType<BakeRecipeSummary>(pirate.Recipe);
        Assert.Equal((BakePresets.Example(BakePresets.Pirate), BakePresets.Pirate, 2.5, 0.4, 31.0),
            (recipe.Prompt, recipe.Preset, recipe.KlBefore, recipe.KlAfter, recipe.Seconds));
        Assert.Equal((BakePresets.Example(BakePresets.Pirate), 2), (recipe.Settings.Prompt, recipe.Settings.Epochs));
        Assert.Null(pirate.JobId);
        // The adapter lies in the artifact store, where the worker resolves it, with the bake's report.
        var layer = Assert.Single(pirate.Adapters);
        Assert.Equal(1.0, layer.Strength);
        Assert.Equal("weights of pirate", await File.ReadAllTextAsync(Path.Combine(Artifacts, layer.Path, "adapter_model.safetensors")));
        Assert.True(File.Exists(Path.Combine(Artifacts, layer.Path, "bake-report.json")));
        // Listed for everyone, so the arena can draw it.
        var found = await db.In(sp => sp.GetRequiredService<IModelCatalog>().Search("pirate pete", Viewer.Anonymous));
        Assert.Contains(found, m => m.Id == pirate.Id);
    }

    [Fact]
    public async Task ASecondStartAndReplicasSeedingAtOnceAddNothingAndBakeNothing()
    {
        var name = await Checkpoint(House(BakePresets.Pirate, "Pirate Pete"), House(BakePresets.Formal, "Butler Bertram"));
        var jobsBefore = await db.In(sp => sp.GetRequiredService<IQuerySession>().Query<BakeJob>().CountAsync());

        // Three replicas start together on a fresh database…
        var first = await Task.WhenAll(Seed(name), Seed(name), Seed(name));
        var models = await ModelsOf(name);
        // …then one restarts.
        var again = await Seed(name);

        Assert.Equal(3, models.Count); // the base model and two house models, each once
        Assert.Equal(HouseSeeding.None, again);
        Assert.Equal(models.Select(m => (m.Id, m.Created)).Order(), (await ModelsOf(name)).Select(m => (m.Id, m.Created)).Order());
        Assert.All(first, s => Assert.True(s.ModelsAdded <= 2));
        Assert.Equal(jobsBefore, await db.In(sp => sp.GetRequiredService<IQuerySession>().Query<BakeJob>().CountAsync()));
        Assert.DoesNotContain(db.Dispatcher.Dispatched, d => d.Parent.BaseModel == name);
        Assert.Equal(0, await db.In(sp => sp.GetRequiredService<IQuerySession>().Query<BattleView>()
            .CountAsync(b => b.ModelAId == models[0].Id || b.ModelBId == models[0].Id)));
        var accounts = await db.In(sp => sp.GetRequiredService<IQuerySession>().Query<UserAccount>()
            .CountAsync(u => u.NormalizedUserName == "HOUSE"));
        Assert.Equal(1, accounts);
        Assert.Equal(2, Directory.GetDirectories(Path.Combine(Artifacts, "house", name)).Length); // no staging left behind
    }

    [Fact]
    public async Task TheHouseAccountCannotSignInAndItsNameCannotBeRegistered()
    {
        await Seed(await Checkpoint(House(BakePresets.Rhyme, "Rhyming Rita")));

        var account = await db.In(sp => sp.GetRequiredService<IAccountStore>().Find(HouseAccount.Id));
        Assert.NotNull(account);
        Assert.Equal(HouseAccount.NoPassword, account.PasswordHash);
        Assert.False(HouseAccount.CanSignIn(account));
        foreach (var taken in new[] { "house", "HOUSE", " House ", "arena" })
        {
            var e = await Assert.ThrowsAsync<DomainException>(() =>
                db.In(sp => sp.GetRequiredService<IAccountStore>().Create(taken, "some-hash")));
            Assert.Equal(DomainError.Invalid, e.Error);
        }
    }

    [Fact]
    public async Task AManifestForAnotherBaseAndAKeyThatLeavesItsFolderAreSkipped()
    {
        var name = await Checkpoint(House(BakePresets.Pirate, "Pirate Pete"));
        var folder = Path.Combine(Models, name);
        var manifest = HouseManifest.Read(folder)!;
        (manifest with { Models = [.. manifest.Models, House("../escape", "Escapee")] }).Write(folder);
        var other = await Checkpoint(House(BakePresets.Caps, "Shouty Sam"));
        (HouseManifest.Read(Path.Combine(Models, other))! with { BaseModel = "elsewhere" }).Write(Path.Combine(Models, other));

        var added = await Seed(name);
        added = added.Plus(await Seed(other));

        Assert.Equal(1, added.ModelsAdded);
        Assert.Single(await ModelsOf(name), m => m.House);
        Assert.DoesNotContain(await ModelsOf(other), m => m.House);
        Assert.False(Directory.Exists(Path.Combine(Artifacts, "house", "escape")));
    }

    [Fact]
    public async Task AHouseModelCarriesTheReportCardItsManifestRecords()
    {
        var card = new BakeReportCard { Rule = "persona/pirate", Fidelity = 0.96, Verdict = ReportVerdicts.Took, Summary = "Baked in." };
        var name = await Checkpoint(House(BakePresets.Pirate, "Captain Test") with { ReportCard = card }, House(BakePresets.Caps, "Shouty Test"));

        await Seed(name);

        var models = await ModelsOf(name);
        Assert.Equal(0.96, models.Single(m => m.Name == "Captain Test").Recipe!.ReportCard!.Fidelity);
        Assert.Null(models.Single(m => m.Name == "Shouty Test").Recipe!.ReportCard);
    }
}
