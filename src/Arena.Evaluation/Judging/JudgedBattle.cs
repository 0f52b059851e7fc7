namespace Arena.Evaluation.Judging;

/// <summary>
/// One item judged for one pair of contestants, in both orders: <see cref="First"/> showed
/// <see cref="ModelA"/>'s answer as A, <see cref="Second"/> showed it as B. <see cref="Verdict"/> is told from
/// <see cref="ModelA"/>'s side: the two judgments when they agree, a tie when they do not (<see cref="Consistent"/>
/// false), as MT-Bench counts a judge that changes its mind when the answers swap places.
/// </summary>
public sealed record JudgedBattle(string Item, string ModelA, string ModelB, Verdict Verdict, bool Consistent, Judgment First, Judgment Second)
{
    /// <summary>How many of the two judgments had no readable verdict.</summary>
    public int Unparsed => (First.Parsed ? 0 : 1) + (Second.Parsed ? 0 : 1);
}
