namespace Arena.Evaluation.Checks;

/// <summary>The whole reply, trimmed, equals <paramref name="value"/> (case-insensitive unless asked).</summary>
public sealed class ExactCheck(string value, bool caseSensitive) : ICheck
{
    public const string KindName = "exact";

    public string Kind => KindName;

    public string Name => $"exact {TextMatch.Quote(value)}";

    public CheckResult Check(string response) =>
        CheckResult.Of(Kind, Name, string.Equals(response.Trim(), value.Trim(), TextMatch.Comparison(caseSensitive)));
}
