namespace Arena.Evaluation.Decay;

/// <summary>Why a conversation ended before its last turn: the reply source could not answer <see cref="Turn"/>.</summary>
public sealed record DecayStop(int Turn, string Reason);
