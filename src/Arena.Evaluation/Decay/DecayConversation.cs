namespace Arena.Evaluation.Decay;

/// <summary>
/// One conversation of a decay run under one condition: its answered turns, in order, and the turn it could not go
/// past (null while it ran to the end, or when it was cancelled before it got there).
/// </summary>
public sealed record DecayConversation(int Index, IReadOnlyList<DecayTurn> Turns, DecayStop? Stop)
{
    /// <summary>Turns answered: the last turn this conversation reached.</summary>
    public int Reached => Turns.Count;
}
