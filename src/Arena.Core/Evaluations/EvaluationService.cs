using Arena.Core.Bakes;
using Arena.Core.Models;
using Arena.Core.Storage;
using Arena.Evaluation;
using Arena.Evaluation.Running;
using Arena.Evaluation.Suites;
using Marten;
using Microsoft.Extensions.Options;

namespace Arena.Core.Evaluations;

/// <remarks>One short session per call, as <see cref="ModelCatalog"/>. The model's visibility is the job's.</remarks>
public sealed class EvaluationService(IDocumentStore store, IModelCatalog catalog, ISuiteLibrary suites, IEvaluationDispatcher dispatcher,
    IOptions<EvaluationLimits> limits) : IEvaluationService
{
    public async Task<Guid> Request(EvaluationRequest request, Viewer viewer, CancellationToken ct = default)
    {
        if (viewer.UserId is not { } userId) throw new DomainException(DomainError.Unauthenticated, "sign in to evaluate a model");
        var model = await catalog.Find(request.ModelId, viewer, ct) ?? throw DomainException.NotFound("the model");
        var l = limits.Value;
        UserSuite? uploaded = null;
        if (SuiteKeys.IdOf(request.Suite) is { } suiteId)
            uploaded = await suites.Find(suiteId, viewer, ct) ?? throw DomainException.NotFound("the suite");
        var builtIn = uploaded is null
            ? BuiltInSuites.Find(request.Suite) ?? throw DomainException.Invalid($"unknown suite '{request.Suite}' (built in: {string.Join(", ", BuiltInSuites.All.Select(s => s.Name))})")
            : null;
        if (request.Limit is < 1 || request.Limit > l.MaxItems) throw DomainException.Invalid($"the item limit must be in 1..{l.MaxItems}");
        if (request.Seed < 0) throw DomainException.Invalid("the seed must be 0 or more");
        var prompt = string.IsNullOrWhiteSpace(request.Prompt) ? model.BakedPrompts.LastOrDefault() : request.Prompt.Trim();
        if (prompt is { Length: > Arena.Contracts.Bakes.BakeRecipe.Limits.MaxPromptChars }) throw DomainException.Invalid($"the prompt is longer than {Arena.Contracts.Bakes.BakeRecipe.Limits.MaxPromptChars} characters");
        IReadOnlyList<Condition> conditions;
        try
        {
            conditions = Condition.Parse(string.Join(',', request.Conditions), prompt is not null);
        }
        catch (SuiteException e)
        {
            throw DomainException.Invalid(e.Message);
        }

        var job = await store.Run(async session =>
        {
            var active = await session.Query<EvaluationJob>()
                .CountAsync(j => j.UserId == userId && (j.Status == BakeStatus.Queued || j.Status == BakeStatus.Running), ct);
            if (active >= l.ConcurrentPerUser)
                throw new DomainException(DomainError.QuotaExceeded,
                    $"you have {active} evaluations queued or running; the limit is {l.ConcurrentPerUser}. Wait for one to finish or cancel it.");
            var job = new EvaluationJob
            {
                Id = Guid.NewGuid(), ModelId = model.Id, ModelName = model.Name, UserId = userId, UserName = viewer.UserName ?? "",
                Suite = builtIn?.Label ?? uploaded!.Name, SuiteId = uploaded?.Id, SuitePrivate = uploaded?.Visibility == Visibility.Private,
                Conditions = [.. conditions.Select(c => c.Name)],
                Prompt = conditions.Any(c => c.WithPrompt) ? prompt : null,
                Limit = request.Limit ?? l.MaxItems, Seed = request.Seed, MaxNewTokens = l.MaxNewTokens, RequestedAt = DateTimeOffset.UtcNow,
            };
            session.Insert(job);
            return job;
        }, ct, what: "evaluation jobs");

        try
        {
            await dispatcher.Dispatch(job, model, uploaded?.Text, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Finish(job.Id, j => { j.Status = BakeStatus.Failed; j.FailureReason = $"could not hand the job to a worker: {e.Message}"; }, CancellationToken.None);
            throw new DomainException(DomainError.Conflict, "no worker could take the evaluation right now; try again later");
        }
        return job.Id;
    }

    public async Task Cancel(Guid jobId, Viewer viewer, CancellationToken ct = default)
    {
        var visible = await Find(jobId, viewer, ct) ?? throw DomainException.NotFound("the evaluation");
        if (visible.UserId != viewer.UserId) throw new DomainException(DomainError.Forbidden, "only the evaluation's owner can cancel it");
        await store.Run(async session =>
        {
            var job = await session.LoadAsync<EvaluationJob>(jobId, ct) ?? throw DomainException.NotFound("the evaluation");
            if (job.Status.IsFinished()) throw new DomainException(DomainError.Conflict, $"the evaluation already {job.Status.ToString().ToLowerInvariant()}");
            job.Status = BakeStatus.Cancelled;
            job.FinishedAt = DateTimeOffset.UtcNow;
            session.Store(job);
            return true;
        }, ct, what: "an evaluation job");
        await dispatcher.Cancel(jobId, ct);
    }

    public async Task<EvaluationJob?> Find(Guid jobId, Viewer viewer, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var job = await session.LoadAsync<EvaluationJob>(jobId, ct);
        return job is not null && VisibleTo(job, viewer) && await catalog.Find(job.ModelId, viewer, ct) is not null ? job : null;
    }

    public async Task<IReadOnlyList<EvaluationJob>> ForModel(Guid modelId, Viewer viewer, int take = 20, CancellationToken ct = default)
    {
        if (await catalog.Find(modelId, viewer, ct) is null) return [];
        await using var session = store.QuerySession();
        var userId = viewer.UserId ?? Guid.Empty;
        return await session.Query<EvaluationJob>().Where(j => j.ModelId == modelId && (!j.SuitePrivate || j.UserId == userId))
            .OrderByDescending(j => j.RequestedAt).Take(Math.Clamp(take, 1, 100)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<EvaluationJob>> Comparable(Guid jobId, Viewer viewer, int take = 20, CancellationToken ct = default)
    {
        if (await Find(jobId, viewer, ct) is not { } job) return [];
        var userId = viewer.UserId ?? Guid.Empty;
        await using var session = store.QuerySession();
        var candidates = await session.Query<EvaluationJob>()
            .Where(j => j.Suite == job.Suite && j.SuiteId == job.SuiteId && j.ModelId != job.ModelId && j.Status == BakeStatus.Completed
                        && (!j.SuitePrivate || j.UserId == userId))
            .OrderByDescending(j => j.RequestedAt).Take(100).ToListAsync(ct);
        // Each other model's visibility is the catalog's to decide.
        var visible = new List<EvaluationJob>();
        foreach (var candidate in candidates)
        {
            if (visible.Count == take) break;
            if (await catalog.Find(candidate.ModelId, viewer, ct) is not null) visible.Add(candidate);
        }
        return visible;
    }

    /// <summary>A run with a private uploaded suite is its owner's alone (the model's visibility applies on top).</summary>
    static bool VisibleTo(EvaluationJob job, Viewer viewer) => !job.SuitePrivate || job.UserId == viewer.UserId;

    Task Finish(Guid jobId, Action<EvaluationJob> change, CancellationToken ct) =>
        EvaluationJournal.Update(store, jobId, change, ct);
}
