namespace Arena.Worker.Hosting;

/// <summary>The worker's settings (section <c>Arena:Worker</c>). Paths in messages are relative to the two roots here.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Arena:Worker";

    /// <summary>Folder holding base checkpoints, one sub-folder per name (a message's <c>ModelSpec.BaseModel</c>).</summary>
    public string ModelsPath { get; set; } = "models";
    /// <summary>Root of the artifact store: adapter paths in messages resolve against it.</summary>
    public string ArtifactsPath { get; set; } = "data/artifacts";
    /// <summary>cpu or cuda.</summary>
    public string Device { get; set; } = "cpu";
    /// <summary>f32 or bf16: the dtype base weights and adapters are loaded in.</summary>
    public string DType { get; set; } = "f32";
    /// <summary>Bakes train a whole model each; more than one per device mostly splits the same compute.</summary>
    public int ConcurrentBakes { get; set; } = 1;
    public int ConcurrentReplies { get; set; } = 2;
    /// <summary>Loaded models (base + adapters) kept for chat; each holds a full copy of the base weights.</summary>
    public int ModelCacheSize { get; set; } = 4;
    /// <summary>How often a worker tells the web app it still holds a bake (BakeJobHeartbeat), progress or not. Keep
    /// it well under the web app's lease (Arena:Bakes:Recovery:Lease, 60 s), after which the bake counts as lost.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Shown on BakeJobStarted so users and operators see where a job runs.</summary>
    public string WorkerName { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";
    /// <summary>The quick evaluation after every bake (section <c>Arena:Worker:ReportCard</c>).</summary>
    public ReportCardOptions ReportCard { get; set; } = new();
}
