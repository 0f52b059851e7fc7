namespace Arena.Evaluation.Instructions;

/// <summary><c>punctuation:no_comma</c>: not one ASCII comma (IFEval looks for "," only; a fullwidth "，" passes).</summary>
internal sealed class NoComma : IInstruction
{
    public const string Name = "punctuation:no_comma";

    public string Id => Name;

    public bool Follows(string response) => !response.Contains(',');
}
