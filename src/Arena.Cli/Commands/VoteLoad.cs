using System.Diagnostics;
using System.Net.Http.Json;

namespace Arena.Cli.Commands;

/// <summary>
/// An open-loop, bounded load generator: request i is due at start + i/rate whatever happened before, and latency is
/// measured from that due time (so a stalled server shows up in the tail instead of slowing the generator down —
/// no coordinated omission). At most <c>concurrency</c> requests are in flight; a request that finds no free slot
/// is counted as not sent rather than queued without bound.
/// </summary>
sealed class VoteLoad(HttpClient http, int rate, int concurrency)
{
    public sealed record Result(int Sent, int NotSent, int Accepted, Dictionary<int, int> Statuses, int Errors, double[] LatenciesMs, double Seconds);

    public async Task<Result> Run(IReadOnlyList<Guid> battles, CancellationToken ct)
    {
        var slots = new SemaphoreSlim(concurrency);
        var latencies = new double[battles.Count];
        var statuses = new int[battles.Count];
        var tasks = new List<Task>(battles.Count);
        int notSent = 0;
        var start = Stopwatch.GetTimestamp();
        for (int i = 0; i < battles.Count; i++)
        {
            var due = start + (long)(i * (double)Stopwatch.Frequency / rate);
            while (Stopwatch.GetTimestamp() < due)
            {
                var ms = (due - Stopwatch.GetTimestamp()) * 1000.0 / Stopwatch.Frequency;
                if (ms > 2) await Task.Delay(TimeSpan.FromMilliseconds(ms - 1), ct); else Thread.SpinWait(50);
            }
            if (!slots.Wait(0)) { notSent++; statuses[i] = -1; continue; }
            var index = i;
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    using var response = await http.PostAsJsonAsync($"api/battles/{battles[index]}/vote", new { winner = index % 3 == 0 ? "b" : "a" }, ct);
                    statuses[index] = (int)response.StatusCode;
                }
                catch (HttpRequestException) { statuses[index] = 0; }
                finally
                {
                    latencies[index] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
                    slots.Release();
                }
            }, ct));
        }
        await Task.WhenAll(tasks);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var sentIdx = Enumerable.Range(0, battles.Count).Where(i => statuses[i] != -1).ToList();
        var byStatus = sentIdx.GroupBy(i => statuses[i]).ToDictionary(g => g.Key, g => g.Count());
        return new Result(sentIdx.Count, notSent, byStatus.GetValueOrDefault(200), byStatus, byStatus.GetValueOrDefault(0),
            sentIdx.Select(i => latencies[i]).Order().ToArray(), seconds);
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
