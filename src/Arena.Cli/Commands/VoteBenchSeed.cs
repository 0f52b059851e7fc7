using Arena.Core.Battles;
using Arena.Core.Models;
using Marten;

namespace Arena.Cli.Commands;

/// <summary>
/// Battles ready to vote on, written straight to the store (the bench measures the vote endpoint, not generation):
/// two bench models and <c>count</c> battles of one judge, each with its replies recorded.
/// </summary>
static class VoteBenchSeed
{
    public static async Task<Guid[]> Battles(IDocumentStore store, string judgeKey, string ipHash, int count, CancellationToken ct)
    {
        var (a, b) = (Model("bench-model-a"), Model("bench-model-b"));
        await using (var session = store.LightweightSession())
        {
            session.Store(a, b);
            await session.SaveChangesAsync(ct);
        }
        var ids = new Guid[count];
        const int Batch = 500;
        for (int start = 0; start < count; start += Batch)
        {
            await using var session = store.LightweightSession();
            for (int i = start; i < Math.Min(count, start + Batch); i++)
            {
                ids[i] = Guid.NewGuid();
                var now = DateTimeOffset.UtcNow;
                session.Events.StartStream<BattleView>(ids[i],
                    new BattleCreated(ids[i], judgeKey, null, ipHash, a.Id, b.Id, "Say something.", now),
                    new RepliesRecorded("one answer", "another answer", now));
            }
            await session.SaveChangesAsync(ct);
        }
        return ids;
    }

    /// <summary>Name-based ids, so repeated runs reuse the two models.</summary>
    static ArenaModel Model(string name) => new ArenaModel
    {
        Id = new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes("arena-bench:" + name))),
        Name = name, OwnerName = "bench", Visibility = Visibility.Unlisted, Kind = ModelKind.Base, BaseModel = "bench",
        Created = DateTimeOffset.UtcNow,
    }.RefreshSearchText();
}
