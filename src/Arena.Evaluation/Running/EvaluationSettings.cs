namespace Arena.Evaluation.Running;

/// <summary>
/// What a score was measured with, stored beside it: a score is only comparable with one measured the same way.
/// <see cref="Temperature"/> 0 is greedy decoding, where the seed does not matter.
/// </summary>
public sealed record EvaluationSettings(int Seed, int MaxNewTokens, double Temperature, string EngineVersion)
{
    /// <summary>Replies long enough for IFEval's word and paragraph counts, short enough for a CPU.</summary>
    public const int DefaultMaxNewTokens = 256;
}
