using Arena.Core;
using Arena.Core.Bakes;

namespace Arena.Web.Tests.Fakes;

/// <summary>Records what the UI asks of the bake service; jobs are whatever the test puts in.</summary>
public sealed class FakeBakeService : IBakeService
{
    public List<(BakeRequest Request, Viewer Viewer)> Requests { get; } = [];
    public List<Guid> Cancelled { get; } = [];
    public Dictionary<Guid, BakeJob> Jobs { get; } = [];
    public Guid NextJobId { get; set; } = Guid.NewGuid();
    /// <summary>Thrown by <see cref="Request"/> when set (the service's own checks failing).</summary>
    public DomainException? RequestFailure { get; set; }

    public Task<Guid> Request(BakeRequest request, Viewer viewer, CancellationToken ct = default)
    {
        if (RequestFailure is not null) throw RequestFailure;
        Requests.Add((request, viewer));
        return Task.FromResult(NextJobId);
    }

    public Task Cancel(Guid jobId, Viewer viewer, CancellationToken ct = default)
    {
        Cancelled.Add(jobId);
        return Task.CompletedTask;
    }

    public Task<BakeJob?> Find(Guid jobId, Viewer viewer, CancellationToken ct = default) =>
        Task.FromResult(Jobs.GetValueOrDefault(jobId));

    public Task<IReadOnlyList<BakeJob>> Mine(Viewer viewer, int take = 50, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<BakeJob>>(Jobs.Values.Where(j => j.UserId == viewer.UserId).Take(take).ToList());

    /// <summary>What <see cref="Speeds"/> answers (the benchmark unless a test measured some).</summary>
    public BakeSpeeds MeasuredSpeeds { get; set; } = BakeSpeeds.Benchmark;
    /// <summary>What <see cref="QueueAhead"/> answers for a queued job.</summary>
    public int Ahead { get; set; }

    public Task<BakeSpeeds> Speeds(Guid parentModelId, Viewer viewer, CancellationToken ct = default) => Task.FromResult(MeasuredSpeeds);

    public Task<int?> QueueAhead(Guid jobId, Viewer viewer, CancellationToken ct = default) =>
        Task.FromResult(Jobs.GetValueOrDefault(jobId) is { Status: BakeStatus.Queued } ? Ahead : (int?)null);
}
