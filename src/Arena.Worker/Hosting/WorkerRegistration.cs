using Arena.Worker.Evaluations;
using Arena.Worker.Bakes;
using Arena.Worker.Cancellation;
using Arena.Worker.Chat;
using Arena.Worker.Models;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Arena.Worker.Hosting;

/// <summary>How a host (the web app in-process, or the standalone worker) takes the worker on.</summary>
public static class WorkerRegistration
{
    /// <summary>The worker's consumers, each with its endpoint settings (in its definition). Call inside AddMassTransit.</summary>
    public static void AddArenaWorkerConsumers(this IBusRegistrationConfigurator x)
    {
        x.AddConsumer<RunBakeConsumer, RunBakeConsumerDefinition>();
        x.AddConsumer<CancelBakeConsumer, CancelBakeConsumerDefinition>();
        x.AddConsumer<GenerateReplyConsumer, GenerateReplyConsumerDefinition>();
        x.AddConsumer<CancelReplyConsumer, CancelReplyConsumerDefinition>();
        x.AddConsumer<RunEvaluationConsumer, RunEvaluationConsumerDefinition>();
        x.AddConsumer<CancelEvaluationConsumer, CancelEvaluationConsumerDefinition>();
    }

    /// <summary>Options (section <c>Arena:Worker</c>), the model cache and the cancellation registries.</summary>
    public static IServiceCollection AddArenaWorker(this IServiceCollection s, IConfiguration config)
    {
        s.AddOptions<WorkerOptions>()
            .Bind(config.GetSection(WorkerOptions.Section))
            .Validate(o => o.ConcurrentBakes >= 1 && o.ConcurrentReplies >= 1 && o.ModelCacheSize >= 1,
                "Arena:Worker: ConcurrentBakes, ConcurrentReplies and ModelCacheSize must be at least 1")
            .Validate(o => o.HeartbeatInterval > TimeSpan.Zero, "Arena:Worker: HeartbeatInterval must be positive")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ModelsPath) && !string.IsNullOrWhiteSpace(o.ArtifactsPath),
                "Arena:Worker: ModelsPath and ArtifactsPath must be set")
            .ValidateOnStart();
        s.AddSingleton(sp => TorchSettings.From(sp.GetRequiredService<IOptions<WorkerOptions>>().Value));
        s.AddSingleton<WorkerPaths>();
        s.AddSingleton<WorkerInstance>();
        s.AddSingleton<ModelSpecLoader>();
        s.AddSingleton<ModelCache>();
        s.AddSingleton<BakeRunner>();
        s.AddSingleton<BakeReportCards>();
        s.AddSingleton<BakeCancellations>();
        s.AddSingleton<ReplyCancellations>();
        s.AddSingleton<EvaluationCancellations>();
        return s;
    }
}
