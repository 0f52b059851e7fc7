using Arena.Core.Models;
using Marten;

namespace Arena.Core.Bakes;

/// <summary>
/// The speeds this installation's workers actually reach: the median over the last <see cref="RecentBakes"/>
/// completed bakes on the same base model (a 1B model samples far slower than the starter), else the benchmark.
/// </summary>
public static class BakeCalibration
{
    public const int RecentBakes = 10;
    /// <summary>Completed jobs looked through for those on the base model (bakes on others are skipped).</summary>
    const int Window = 200;

    public static async Task<BakeSpeeds> Measure(IQuerySession session, string baseModel, CancellationToken ct = default)
    {
        var recent = await session.Query<BakeJob>()
            .Where(j => j.Status == BakeStatus.Completed && j.MeasuredTrainingTokensPerSecond != null)
            .OrderByDescending(j => j.FinishedAt).Take(Window).ToListAsync(ct);
        if (recent.Count == 0) return BakeSpeeds.Benchmark;
        var parents = await session.LoadManyAsync<ArenaModel>(ct, recent.Select(j => j.ParentModelId).Distinct());
        var baseOf = parents.ToDictionary(p => p.Id, p => p.BaseModel);
        var measured = recent
            .Where(j => baseOf.GetValueOrDefault(j.ParentModelId) == baseModel)
            .Take(RecentBakes)
            .Select(j => (j.MeasuredSamplingTokensPerSecond ?? 0, j.MeasuredTrainingTokensPerSecond ?? 0))
            .ToList();
        return BakeSpeeds.Median(measured);
    }

    /// <summary>Jobs still queued that were requested before <paramref name="job"/>: its place in the line (0 is
    /// next). Null when the job is not queued.</summary>
    public static async Task<int?> QueueAhead(IQuerySession session, BakeJob job, CancellationToken ct = default)
    {
        if (job.Status != BakeStatus.Queued) return null;
        var requestedAt = job.RequestedAt;
        return await session.Query<BakeJob>()
            .CountAsync(j => j.Status == BakeStatus.Queued && j.RequestedAt < requestedAt, ct);
    }
}
