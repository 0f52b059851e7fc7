using Arena.Core.Battles;
using Arena.Core.Storage;
using Marten;

namespace Arena.Cli.Commands;

/// <summary>
/// arena bench-votes --url URL --db CONNECTION [--schema S] [--rate 200] [--seconds 60] [--concurrency 256] [--salt arena]:
/// seeds rate×seconds answered battles in the schema the web app at URL uses, votes on each through
/// POST /api/battles/{id}/vote at a fixed rate, prints latency percentiles, then checks that every accepted vote is
/// in the event store. The web app must run with limits that allow it (see docs/benchmarks.md): the bench measures
/// the endpoint, not the rate limiter. Votes are anonymous, from 127.0.0.1, so the judge key is computed as the
/// server does it (hence --salt = the server's salt: Arena:Battles:AddressSalt, or when unset the installation's own, the
/// document "address-salt" of type InstallationSecret in its store).
/// </summary>
public static class VoteBenchCommand
{
    public static int Run(CliArgs a)
    {
        var url = a.Required("url");
        var db = a.Required("db");
        var schema = a.Get("schema") ?? "arena";
        var rate = a.Int("rate", 200, 1, 100_000);
        var seconds = a.Int("seconds", 60, 1, 3600);
        var concurrency = a.Int("concurrency", 256, 1, 10_000);
        var salt = a.Get("salt") ?? "arena";
        a.RejectUnknown();
        return RunAsync(new Uri(url.TrimEnd('/') + "/"), db, schema, rate, seconds, concurrency, salt).GetAwaiter().GetResult();
    }

    static async Task<int> RunAsync(Uri url, string db, string schema, int rate, int seconds, int concurrency, string salt)
    {
        using var store = DocumentStore.For(o => StoreRegistration.Configure(o, db, schema));
        var ipHash = JudgeKeys.HashAddress("127.0.0.1", salt);
        var judge = JudgeKeys.For(Arena.Core.Viewer.Anonymous, "ip" + ipHash);
        var count = rate * seconds;
        Console.WriteLine($"seeding {count} battles for {judge} in schema {schema} …");
        var battles = await VoteBenchSeed.Battles(store, judge, ipHash, count, CancellationToken.None);

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        // Warm-up: JIT, connection pool and Marten's compiled queries, on battles outside the measured set.
        var warm = await VoteBenchSeed.Battles(store, judge, ipHash, Math.Min(200, count), CancellationToken.None);
        await new VoteLoad(http, Math.Min(rate, 100), concurrency).Run(warm, CancellationToken.None);

        Console.WriteLine($"voting at {rate}/s for {seconds} s against {url} (at most {concurrency} in flight) …");
        var r = await new VoteLoad(http, rate, concurrency).Run(battles, CancellationToken.None);

        await using var session = store.QuerySession();
        var stored = await session.Query<BattleView>().Where(v => battles.Contains(v.Id) && v.Winner != null).CountAsync();
        var p = (double q) => VoteLoad.Percentile(r.LatenciesMs, q);
        Console.WriteLine($"| rate/s | s | sent | not sent | accepted | other statuses | p50 ms | p90 ms | p99 ms | max ms | stored votes |");
        Console.WriteLine($"|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|");
        var others = string.Join(", ", r.Statuses.Where(s => s.Key != 200).Select(s => $"{s.Key}×{s.Value}"));
        Console.WriteLine($"| {rate} | {r.Seconds:F1} | {r.Sent} | {r.NotSent} | {r.Accepted} | {(others.Length == 0 ? "–" : others)} | {p(0.5):F1} | {p(0.9):F1} | {p(0.99):F1} | {r.LatenciesMs.LastOrDefault():F1} | {stored} |");
        var lost = r.Accepted - stored;
        Console.WriteLine(lost == 0 && r.NotSent == 0 && r.Accepted == r.Sent
            ? "ok: every vote was accepted and is in the event store"
            : $"CHECK: {lost} accepted votes missing from the store, {r.Sent - r.Accepted} not accepted, {r.NotSent} not sent");
        return lost == 0 ? 0 : 1;
    }
}
