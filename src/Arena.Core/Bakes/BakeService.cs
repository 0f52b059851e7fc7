using Arena.Core.Models;
using Arena.Core.Storage;
using Marten;
using Microsoft.Extensions.Options;

namespace Arena.Core.Bakes;

/// <remarks>One short session per call (see ModelCatalog).</remarks>
public sealed class BakeService(IDocumentStore store, IModelCatalog catalog, IBakeDispatcher dispatcher, IOptions<BakeLimits> limits) : IBakeService
{
    public async Task<Guid> Request(BakeRequest request, Viewer viewer, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        if (viewer.UserId is not { } userId) throw new DomainException(DomainError.Unauthenticated, "sign in to bake a model");
        var parent = await catalog.Find(request.ParentModelId, viewer, ct) ?? throw DomainException.NotFound("the parent model");
        ModelNames.Check(request.Name);
        if (ModelNames.DescriptionProblem(request.Description) is { } description) throw DomainException.Invalid(description);
        if (!Enum.IsDefined(request.Visibility)) throw DomainException.Invalid("unknown visibility");
        if (!BakePresets.All.Contains(request.Preset)) throw DomainException.Invalid($"Preset: unknown preset '{request.Preset}'");
        if (request.Recipe is null) throw DomainException.Invalid("the bake needs a recipe");
        var errors = limits.Value.Problems(request.Recipe);
        if (errors.Count > 0) throw DomainException.Invalid(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")));

        var active = await session.Query<BakeJob>()
            .CountAsync(j => j.UserId == userId && (j.Status == BakeStatus.Queued || j.Status == BakeStatus.Running), ct);
        if (active >= limits.Value.ConcurrentBakesPerUser)
            throw new DomainException(DomainError.QuotaExceeded,
                $"you have {active} bakes queued or running; the limit is {limits.Value.ConcurrentBakesPerUser}. Wait for one to finish or cancel it.");

        // A fork is never more visible than its parent's lineage: forking an unlisted model gives an unlisted model.
        var stored = await session.LoadAsync<ArenaModel>(parent.Id, ct) ?? throw DomainException.NotFound("the parent model");
        var visibility = Visibilities.MostRestrictive(request.Visibility,
            stored.EffectiveVisibility((await ModelCatalog.LoadAncestors(session, [stored], ct)).Values));

        var jobId = Guid.NewGuid();
        var speeds = await BakeCalibration.Measure(session, stored.BaseModel, ct);
        var requested = new BakeRequested(jobId, userId, viewer.UserName ?? "", parent.Id, request.Name.Trim(),
            request.Description?.Trim() ?? "", visibility, request.Recipe, DateTimeOffset.UtcNow, request.Preset, speeds);
        session.Events.StartStream<BakeJob>(jobId, requested);
        await session.SaveChangesAsync(ct);

        try
        {
            await dispatcher.Dispatch(BakeJob.Create(requested), parent, AdapterPath(jobId), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The job is recorded; say why it will not run rather than leave it queued forever.
            // A worker may already have picked it up (the send failed after delivery): only a job still open fails.
            await store.Append<BakeJob>(jobId, (stream, _) =>
            {
                if (stream.Aggregate is { } job && !job.Status.IsFinished())
                    stream.AppendOne(new BakeFailed($"could not hand the job to a worker: {e.Message}", DateTimeOffset.UtcNow));
                return Task.CompletedTask;
            }, CancellationToken.None);
            throw new DomainException(DomainError.Conflict, "no worker could take the bake right now; try again later");
        }
        return jobId;
    }

    /// <summary>Where a job's adapter goes, relative to the artifact store. Each run of a re-queued job writes its
    /// own folder, so a run that was only slow, not dead, never writes into the one that replaced it.</summary>
    public static string AdapterPath(Guid jobId, int attempt = 1) =>
        attempt <= 1 ? $"adapters/{jobId:N}" : $"adapters/{jobId:N}-run{attempt}";

    public async Task Cancel(Guid jobId, Viewer viewer, CancellationToken ct = default)
    {
        var visible = await Find(jobId, viewer, ct) ?? throw DomainException.NotFound("the job");
        if (visible.UserId != viewer.UserId) throw new DomainException(DomainError.Forbidden, "only the job's owner can cancel it");
        // Record first so the page shows it at once. The worker's reports append to the same stream meanwhile, so the
        // decision is made on the state read for the append and made again if a report lands first: a cancel that
        // meets a completion either wins (the completion is then dropped) or is refused as already completed.
        await store.Append<BakeJob>(jobId, (stream, _) =>
        {
            var job = stream.Aggregate ?? throw DomainException.NotFound("the job");
            if (job.Status.IsFinished()) throw new DomainException(DomainError.Conflict, $"the job already {job.Status.ToString().ToLowerInvariant()}");
            stream.AppendOne(new BakeCancelled(viewer.UserName ?? "owner", DateTimeOffset.UtcNow));
            return Task.CompletedTask;
        }, ct);
        await dispatcher.Cancel(jobId, ct);
    }

    public async Task<BakeJob?> Find(Guid jobId, Viewer viewer, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        var job = await session.LoadAsync<BakeJob>(jobId, ct);
        return job is not null && (job.UserId == viewer.UserId || job.Visibility != Visibility.Private) ? job : null;
    }

    public async Task<IReadOnlyList<BakeJob>> Mine(Viewer viewer, int take = 50, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        if (viewer.UserId is not { } userId) return [];
        return await session.Query<BakeJob>().Where(j => j.UserId == userId)
            .OrderByDescending(j => j.RequestedAt).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
    }

    public async Task<BakeSpeeds> Speeds(Guid parentModelId, Viewer viewer, CancellationToken ct = default)
    {
        if (await catalog.Find(parentModelId, viewer, ct) is not { } parent) return BakeSpeeds.Benchmark;
        await using var session = store.QuerySession();
        return await BakeCalibration.Measure(session, parent.BaseModel, ct);
    }

    public async Task<int?> QueueAhead(Guid jobId, Viewer viewer, CancellationToken ct = default)
    {
        if (await Find(jobId, viewer, ct) is not { } job) return null;
        await using var session = store.QuerySession();
        return await BakeCalibration.QueueAhead(session, job, ct);
    }
}
