namespace Arena.Engine.Checkpoints;

/// <summary>A checkpoint, config or adapter on disk that the engine refuses to load. The message names the file and the problem.</summary>
public sealed class CheckpointException(string file, string problem) : Exception($"{file}: {problem}")
{
    public string File { get; } = file;
    public string Problem { get; } = problem;
}
