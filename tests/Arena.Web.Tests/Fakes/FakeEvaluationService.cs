using Arena.Core;
using Arena.Core.Bakes;
using Arena.Core.Evaluations;

namespace Arena.Web.Tests.Fakes;

/// <summary>Evaluation jobs in memory for component tests; the real service's rules are tested in Arena.Core.Tests.</summary>
public sealed class FakeEvaluationService : IEvaluationService
{
    public List<EvaluationJob> Jobs { get; } = [];
    public List<EvaluationRequest> Requests { get; } = [];
    /// <summary>Thrown by the next request, when set.</summary>
    public DomainException? Refuse { get; set; }

    public Task<Guid> Request(EvaluationRequest request, Viewer viewer, CancellationToken ct = default)
    {
        if (Refuse is { } e) throw e;
        Requests.Add(request);
        var job = new EvaluationJob
        {
            Id = Guid.NewGuid(), ModelId = request.ModelId, UserId = viewer.UserId ?? Guid.Empty, UserName = viewer.UserName ?? "",
            Suite = request.Suite + "@1", Conditions = [.. request.Conditions], Limit = request.Limit, RequestedAt = DateTimeOffset.UtcNow,
        };
        Jobs.Insert(0, job);
        return Task.FromResult(job.Id);
    }

    public Task Cancel(Guid jobId, Viewer viewer, CancellationToken ct = default)
    {
        Jobs.Single(j => j.Id == jobId).Status = BakeStatus.Cancelled;
        return Task.CompletedTask;
    }

    public Task<EvaluationJob?> Find(Guid jobId, Viewer viewer, CancellationToken ct = default) =>
        Task.FromResult(Jobs.FirstOrDefault(j => j.Id == jobId));

    public Task<IReadOnlyList<EvaluationJob>> Comparable(Guid jobId, Viewer viewer, int take = 20, CancellationToken ct = default)
    {
        var job = Jobs.Single(j => j.Id == jobId);
        return Task.FromResult<IReadOnlyList<EvaluationJob>>(Jobs.Where(j => j.Suite == job.Suite && j.ModelId != job.ModelId && j.Status == BakeStatus.Completed).ToList());
    }

    public Task<IReadOnlyList<EvaluationJob>> ForModel(Guid modelId, Viewer viewer, int take = 20, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<EvaluationJob>>(Jobs.Where(j => j.ModelId == modelId).Take(take).ToList());
}
