using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Arena.Core.Accounts;
using Marten;
using Microsoft.Extensions.Logging;

namespace Arena.Core.Models;

/// <summary>
/// Seeds the house models: for each base checkpoint with a <see cref="HouseManifest"/>, the house account, each
/// checked-in adapter copied into the artifact store, and one public baked model per adapter, a child of the base
/// model carrying the recipe and measurements the bake recorded. Nothing is baked here and no job, vote or rating is
/// made: the models start unrated like any new bake.
/// </summary>
/// <remarks>Ids are name-based and only missing documents and adapters are written, so a second start adds nothing
/// and replicas seeding at once write the same documents.</remarks>
public sealed partial class HouseModels(IDocumentStore store, TimeProvider clock, ILogger<HouseModels> log)
{
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex KeyPattern();

    public static Guid ModelId(string baseModel, string key) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes($"arena-house:{baseModel}/{key}")));

    /// <summary>Seeds the house models of every named checkpoint under <paramref name="modelsRoot"/> that has a
    /// manifest. The base models must exist (<see cref="IModelCatalog.EnsureBaseModels"/>).</summary>
    public async Task<HouseSeeding> Ensure(string modelsRoot, string artifactsRoot, IEnumerable<string> checkpointNames,
        CancellationToken ct = default)
    {
        var added = HouseSeeding.None;
        foreach (var name in checkpointNames.Distinct())
        {
            var folder = Path.Combine(modelsRoot, name);
            if (HouseManifest.Read(folder) is not { Models.Count: > 0 } manifest) continue;
            if (manifest.BaseModel != name)
            {
                log.LogWarning("house models in {Folder} were baked on '{Base}', not on '{Name}': skipped", folder, manifest.BaseModel, name);
                continue;
            }
            added = added.Plus(await EnsureWithRetry(name, folder, manifest, artifactsRoot, ct));
        }
        return added;
    }

    async Task<HouseSeeding> EnsureWithRetry(string baseName, string folder, HouseManifest manifest, string artifactsRoot, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await EnsureOne(baseName, folder, manifest, artifactsRoot, ct);
            }
            catch (Exception e) when (attempt < 3 && AccountStore.IsUniqueViolation(e))
            {
                // A replica starting at the same moment inserted the house account first (an upsert by id does not
                // cover the unique name index): read again, and find it there.
            }
        }
    }

    async Task<HouseSeeding> EnsureOne(string baseName, string folder, HouseManifest manifest, string artifactsRoot, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var now = clock.GetUtcNow();
        var accounts = await EnsureAccount(session, now, ct);
        var parent = await session.LoadAsync<ArenaModel>(ModelCatalog.BaseModelId(baseName), ct)
                     ?? throw new InvalidOperationException($"the base model '{baseName}' is not seeded; seed base models first");
        var wanted = manifest.Models.Where(m => IsUsable(m, folder)).ToList();
        var existing = (await session.LoadManyAsync<ArenaModel>(ct, wanted.Select(m => ModelId(baseName, m.Key)).ToArray()))
            .Select(m => m.Id).ToHashSet();
        int models = 0, copied = 0;
        foreach (var house in wanted)
        {
            var path = HouseAdapters.RelativePath(baseName, house.Key);
            // Copied even when the document exists: a new, empty artifact store gets its adapters back.
            if (HouseAdapters.Copy(Path.Combine(HouseManifest.FolderOf(folder), house.Key), Path.Combine(artifactsRoot, path))) copied++;
            var id = ModelId(baseName, house.Key);
            if (existing.Contains(id)) continue;
            session.Store(Model(id, house, parent, path, now));
            models++;
        }
        await session.SaveChangesAsync(ct);
        return new HouseSeeding(accounts, models, copied);
    }

    static ArenaModel Model(Guid id, HouseModel house, ArenaModel parent, string adapterPath, DateTimeOffset now)
    {
        // No bake job made it on this installation: the model's own id stands for the bake.
        var model = ArenaModel.BakedOn(parent, id, id, adapterPath,
            new BakeRecipeSummary(house.Prompt, house.Key, house.Recipe, house.KlBefore, house.KlAfter, house.Seconds) { ReportCard = house.ReportCard },
            house.Name.Trim(), HouseAccount.UserName);
        model.Description = house.Description;
        model.OwnerId = HouseAccount.Id;
        model.Visibility = Visibility.Public;
        model.House = true;
        model.Created = now;
        return model.RefreshSearchText([parent]);
    }

    /// <returns>1 when it made the account, else 0.</returns>
    static async Task<int> EnsureAccount(IDocumentSession session, DateTimeOffset now, CancellationToken ct)
    {
        var normalized = AccountStore.Normalize(HouseAccount.UserName);
        var found = await session.Query<UserAccount>()
            .Where(u => u.Id == HouseAccount.Id || u.NormalizedUserName == normalized).ToListAsync(ct);
        if (found.Any(u => u.Id == HouseAccount.Id)) return 0;
        if (found.Count > 0)
            throw new InvalidOperationException(
                $"a registered account is named '{HouseAccount.UserName}' (it was registered before the name was reserved); " +
                "rename it to seed the house models");
        session.Store(HouseAccount.New(now));
        return 1;
    }

    bool IsUsable(HouseModel house, string folder)
    {
        // The key becomes a folder name in the artifact store: nothing that could climb out of it.
        if (!KeyPattern().IsMatch(house.Key) || ModelNames.Problem(house.Name) is not null)
        {
            log.LogWarning("house model '{Key}' in {Folder} has a bad key or name: skipped", house.Key, folder);
            return false;
        }
        if (!HouseAdapters.IsAdapter(Path.Combine(HouseManifest.FolderOf(folder), house.Key)))
        {
            log.LogWarning("house model '{Key}' in {Folder} has no adapter: skipped", house.Key, folder);
            return false;
        }
        return true;
    }
}
