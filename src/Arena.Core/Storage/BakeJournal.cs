using Arena.Core.Bakes;
using Arena.Core.Models;
using JasperFx;
using Marten;
using Marten.Exceptions;
using Microsoft.Extensions.Logging;

namespace Arena.Core.Storage;

/// <summary>
/// Appends what workers report to the job's stream with optimistic concurrency (FetchForWriting): a completion and a
/// cancellation racing each other cannot both win, and the model document is created in the same transaction as
/// the Completed event. Reports about unknown or finished jobs are dropped, which makes redelivery harmless.
/// </summary>
public sealed class BakeJournal(IDocumentStore store, ILogger<BakeJournal> log) : IBakeJournal
{
    const int Attempts = 12;

    public Task Started(Guid jobId, string worker, DateTimeOffset at, CancellationToken ct = default) =>
        Append(jobId, (_, _) => Task.FromResult<object>(new BakeStarted(worker, at)), ct);

    public Task Progressed(Guid jobId, BakeProgressed progress, CancellationToken ct = default) =>
        Append(jobId, (_, _) => Task.FromResult<object>(progress), ct);

    public async Task<Guid?> Completed(Guid jobId, string adapterPath, double klBefore, double klAfter, double seconds,
        double samplingTokensPerSecond, double trainingTokensPerSecond, DateTimeOffset at, CancellationToken ct = default)
    {
        Guid? modelId = null;
        await Append(jobId, async (job, session) =>
        {
            var parent = await session.LoadAsync<ArenaModel>(job.ParentModelId, ct)
                         ?? throw new InvalidOperationException($"parent model {job.ParentModelId} of job {jobId} is missing");
            var model = new ArenaModel
            {
                Id = Guid.NewGuid(),
                Name = job.ModelName,
                Description = job.Description,
                OwnerId = job.UserId,
                OwnerName = job.UserName,
                Visibility = job.Visibility,
                Kind = ModelKind.Baked,
                BaseModel = parent.BaseModel,
                Adapters = [.. parent.Adapters, new AdapterLayer(jobId, adapterPath, 1.0)],
                ParentId = parent.Id,
                AncestorIds = [.. parent.AncestorIds, parent.Id],
                BakedPrompts = [.. parent.BakedPrompts, job.Settings.Prompt],
                Recipe = new BakeRecipeSummary(job.Settings.Prompt, job.Settings.Preset, job.Settings, klBefore, klAfter, seconds),
                JobId = jobId,
                Created = at,
            }.RefreshSearchText();
            session.Insert(model);
            modelId = model.Id;
            return (object)new BakeCompleted(model.Id, adapterPath, klBefore, klAfter, seconds, samplingTokensPerSecond, trainingTokensPerSecond, at);
        }, ct);
        return modelId;
    }

    public Task Failed(Guid jobId, string reason, DateTimeOffset at, CancellationToken ct = default) =>
        Append(jobId, (_, _) => Task.FromResult<object>(new BakeFailed(Truncate(reason, 2000), at)), ct);

    public Task Cancelled(Guid jobId, string by, DateTimeOffset at, CancellationToken ct = default) =>
        Append(jobId, (_, _) => Task.FromResult<object>(new BakeCancelled(by, at)), ct);

    /// <param name="makeEvent">Builds the event from the current state; may add documents to the session.</param>
    async Task Append(Guid jobId, Func<BakeJob, IDocumentSession, Task<object>> makeEvent, CancellationToken ct)
    {
        for (int attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<BakeJob>(jobId, ct);
            if (stream.Aggregate is not { } job)
            {
                log.LogWarning("report for unknown bake job {JobId} dropped", jobId);
                return;
            }
            if (job.Status.IsFinished()) return;
            stream.AppendOne(await makeEvent(job, session));
            try
            {
                await session.SaveChangesAsync(ct);
                return;
            }
            catch (Exception e) when (attempt < Attempts && IsVersionConflict(e))
            {
                // Another report landed first; re-read the state and decide again (a little jitter spreads the
                // retries of several writers instead of colliding again).
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), ct);
            }
        }
    }

    /// <summary>Two appends to one stream at once: Marten reports it as a ConcurrencyException, or (when both
    /// writers read the same version) as the events table's unique-key violation on (stream, version).</summary>
    static bool IsVersionConflict(Exception e) =>
        e is ConcurrencyException || e is JasperFx.Events.EventStreamUnexpectedMaxEventIdException || e is Npgsql.PostgresException { SqlState: "23505" } || (e.InnerException is { } inner && IsVersionConflict(inner));

    static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
