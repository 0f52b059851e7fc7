namespace Arena.Worker.Hosting;

/// <summary>Queue names of the worker's shared endpoints, fixed so that senders and every worker agree on them.</summary>
public static class WorkerEndpoints
{
    public const string RunBake = "arena-run-bake";
    public const string GenerateReply = "arena-generate-reply";
    public const string RunEvaluation = "arena-run-evaluation";
}
