namespace Arena.Web.Hosting;

/// <summary>The configuration section "Arena" (appsettings.json, or environment variables such as Arena__Bus).</summary>
public sealed class ArenaOptions
{
    public const string Section = "Arena";

    /// <summary>InMemory (default: one process, the worker hosted in-process) or RabbitMq, whose settings
    /// (<c>Arena:RabbitMq</c>) the worker's <see cref="Arena.Worker.Hosting.RabbitMqSettings"/> reads for both.</summary>
    public BusKind Bus { get; set; } = BusKind.InMemory;
    /// <summary>Base checkpoints: one sub-folder with a config.json per base model. Relative paths resolve against
    /// the working directory.</summary>
    public string ModelsPath { get; set; } = "models";
    /// <summary>Where bakes write their adapters (relative adapter paths resolve against it).</summary>
    public string ArtifactsPath { get; set; } = "data/artifacts";
    public WorkerHostingOptions Worker { get; set; } = new();
    public ChatOptions Chat { get; set; } = new();

    public string ModelsRoot => Path.GetFullPath(ModelsPath);
    public string ArtifactsRoot => Path.GetFullPath(ArtifactsPath);
}

public enum BusKind { InMemory, RabbitMq }

public sealed class WorkerHostingOptions
{
    /// <summary>Host the worker's consumers in this process (the embedded default).</summary>
    public bool Enabled { get; set; } = true;
}

public sealed class ChatOptions
{
    /// <summary>How long a reply may stay silent (no chunk) before the stream gives up. Loading a model on a cold
    /// worker takes a few seconds, so this is generous.</summary>
    public TimeSpan ChunkTimeout { get; set; } = TimeSpan.FromSeconds(60);
    public int MaxTurns { get; set; } = 64;
    public int MaxTurnChars { get; set; } = 8000;
    /// <summary>Replies one signed-in account may have streaming at once (a battle streams two). See ChatQuota.</summary>
    public int MaxConcurrentStreamsPerUser { get; set; } = 2;
    /// <summary>Replies one anonymous address may have streaming at once, all its tabs and API clients together.</summary>
    public int MaxConcurrentStreamsPerAddress { get; set; } = 2;
    /// <summary>Tokens one signed-in account may have generated in any minute (a stream reserves its max tokens while
    /// it runs). Eight full-length replies.</summary>
    public int MaxTokensPerMinutePerUser { get; set; } = 8192;
    /// <summary>Tokens one anonymous address may have generated in any minute, all its tabs and API clients together.</summary>
    public int MaxTokensPerMinutePerAddress { get; set; } = 4096;
}
