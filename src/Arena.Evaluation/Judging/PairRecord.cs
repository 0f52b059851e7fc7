namespace Arena.Evaluation.Judging;

/// <summary>How one pair of contestants fared against each other over the suite, from <see cref="ModelA"/>'s side.</summary>
public sealed record PairRecord(string ModelA, string ModelB, int WinsA, int Ties, int WinsB, int Inconsistent, int Unparsed)
{
    public int Battles => WinsA + Ties + WinsB;
}
