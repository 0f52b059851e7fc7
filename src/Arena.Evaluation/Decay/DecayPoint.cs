using Arena.Evaluation.Statistics;

namespace Arena.Evaluation.Decay;

/// <summary>Adherence at one turn: the share of conversations that reached it whose reply there passed the check.</summary>
public sealed record DecayPoint(int Turn, Estimate Adherence);
