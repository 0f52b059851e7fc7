using Arena.Core.Models;
using Arena.Core.Storage;
using Marten;
using Microsoft.Extensions.Logging;

namespace Arena.Core.Bakes;

/// <summary>
/// Appends what workers report to the job's stream through <see cref="StreamAppender"/>: a completion and a
/// cancellation racing each other cannot both win, and the model document is created in the same transaction as
/// the Completed event. Reports about unknown or finished jobs are dropped, which makes redelivery harmless, and so
/// are reports from an earlier run of a re-queued job (<see cref="BakeJob.Attempt"/>): a worker that was only slow,
/// not dead, cannot move or finish the run that replaced it.
/// </summary>
public sealed class BakeJournal(IDocumentStore store, ILogger<BakeJournal> log) : IBakeJournal
{
    public Task Started(Guid jobId, int attempt, string worker, DateTimeOffset at, CancellationToken ct = default) =>
        Append(jobId, attempt, (_, _) => Task.FromResult<object?>(new BakeStarted(worker, at)), ct);

    public Task Progressed(Guid jobId, int attempt, BakeProgressed progress, CancellationToken ct = default) =>
        Append(jobId, attempt, (_, _) => Task.FromResult<object?>(progress), ct);

    /// <remarks>Every replica hears each heartbeat: one that finds the lease renewed as late already adds nothing.</remarks>
    public Task Renewed(Guid jobId, int attempt, string worker, DateTimeOffset at, CancellationToken ct = default) =>
        Append(jobId, attempt, (job, _) =>
            Task.FromResult<object?>(job.LeaseRenewedAt >= at ? null : new BakeLeaseRenewed(worker, at)), ct);

    public async Task<Guid?> Completed(Guid jobId, int attempt, string adapterPath, double klBefore, double klAfter, double seconds,
        double samplingTokensPerSecond, double trainingTokensPerSecond, DateTimeOffset at, Arena.Contracts.Bakes.BakeReportCard? reportCard = null,
        CancellationToken ct = default)
    {
        var appended = await Append(jobId, attempt, async (job, session) =>
        {
            var parent = await session.LoadAsync<ArenaModel>(job.ParentModelId, ct)
                         ?? throw new InvalidOperationException($"parent model {job.ParentModelId} of job {jobId} is missing");
            var chain = await ModelCatalog.LoadAncestors(session, [parent], ct);
            var model = ArenaModel.BakedOn(parent, Guid.NewGuid(), jobId, adapterPath,
                new BakeRecipeSummary(job.Settings.Prompt, job.Preset, job.Settings, klBefore, klAfter, seconds) { ReportCard = reportCard },
                job.ModelName, job.UserName);
            model.Description = job.Description;
            model.OwnerId = job.UserId;
            // A fork is never more visible than its parent's lineage (a job requested before that rule included).
            model.Visibility = Visibilities.MostRestrictive(job.Visibility, parent.EffectiveVisibility(chain.Values));
            model.JobId = jobId;
            model.Created = at;
            model.RefreshSearchText(chain.Values);
            session.Insert(model);
            return (object?)new BakeCompleted(model.Id, adapterPath, klBefore, klAfter, seconds, samplingTokensPerSecond, trainingTokensPerSecond, at)
            {
                ReportCard = reportCard,
            };
        }, ct);
        // Null when the job had finished already (a redelivery, or a cancel that won): no model was made.
        return (appended as BakeCompleted)?.ModelId;
    }

    public Task Failed(Guid jobId, int attempt, string reason, DateTimeOffset at, CancellationToken ct = default) =>
        Append(jobId, attempt, (_, _) => Task.FromResult<object?>(new BakeFailed(Truncate(reason, 2000), at)), ct);

    public Task Cancelled(Guid jobId, int attempt, string by, DateTimeOffset at, CancellationToken ct = default) =>
        Append(jobId, attempt, (_, _) => Task.FromResult<object?>(new BakeCancelled(by, at)), ct);

    /// <param name="attempt">The run the report comes from; a report from another run than the job's current one is dropped.</param>
    /// <param name="makeEvent">Builds the event from the current state (null: nothing to add); may add documents to the session.</param>
    /// <returns>The event appended, or null when the report was dropped.</returns>
    Task<object?> Append(Guid jobId, int attempt, Func<BakeJob, IDocumentSession, Task<object?>> makeEvent, CancellationToken ct) =>
        store.Append<BakeJob, object?>(jobId, async (stream, session) =>
        {
            if (stream.Aggregate is not { } job)
            {
                log.LogWarning("report for unknown bake job {JobId} dropped", jobId);
                return null;
            }
            if (job.Status.IsFinished()) return null;
            if (attempt != job.Attempt)
            {
                log.LogInformation("report from run {Attempt} of bake job {JobId} dropped: run {Current} replaced it", attempt, jobId, job.Attempt);
                return null;
            }
            var e = await makeEvent(job, session);
            if (e is not null) stream.AppendOne(e);
            return e;
        }, ct, log);

    static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
