namespace Arena.Contracts.Bakes;

/// <summary>
/// Which teacher distribution the student matches: the full vocabulary, or the teacher's top-k tokens
/// (renormalised over those k; the student's log-softmax always spans the full vocabulary).
/// </summary>
public sealed record KlMode(int? TopK)
{
    public static readonly KlMode Full = new((int?)null);
    public static KlMode TopKTokens(int k) => k > 0 ? new(k) : throw new ArgumentException($"top-k must be positive, got {k}");

    /// <summary>"full" or "topk:K".</summary>
    public static KlMode Parse(string s)
    {
        if (s == "full") return Full;
        if (s.StartsWith("topk:") && int.TryParse(s[5..], out var k) && k > 0) return new(k);
        throw new ArgumentException($"KL mode must be 'full' or 'topk:K' with K > 0, got '{s}'");
    }

    public override string ToString() => TopK is { } k ? $"topk:{k}" : "full";
}
