using Arena.Contracts.Bakes;
using Arena.Contracts.Models;
using Arena.Core.Bakes;
using Arena.Core.Models;
using MassTransit;

namespace Arena.Web.Bus;

/// <summary>Hands requested bakes to the workers over the bus (RunBake) and asks them to stop (CancelBake).</summary>
public sealed class MassTransitBakeDispatcher(IPublishEndpoint publish) : IBakeDispatcher
{
    public Task Dispatch(BakeJob job, ArenaModel parent, string outputPath, CancellationToken ct = default) =>
        publish.Publish(new RunBake(job.Id, SpecOf(parent), job.Settings.Prompt, ParametersOf(job.Settings), outputPath), ct);

    public Task Cancel(Guid jobId, CancellationToken ct = default) => publish.Publish(new CancelBake(jobId), ct);

    public static ModelSpec SpecOf(ArenaModel model) =>
        new(model.BaseModel, model.Adapters.Select(a => new AdapterRef(a.Path, a.Strength)).ToList());

    public static BakeParameters ParametersOf(BakeSettings s) => new()
    {
        TrajectoriesPerQuery = s.TrajectoriesPerQuery,
        MaxTokens = s.MaxTokens,
        Temperature = s.Temperature,
        TopP = s.TopP,
        KlTopK = s.KlTopK,
        Rank = s.Rank,
        Alpha = s.Alpha,
        LearningRate = s.LearningRate,
        Epochs = s.Epochs,
        BatchSize = s.BatchSize,
        Seed = s.Seed,
        Queries = s.Queries.ToList(),
    };
}
