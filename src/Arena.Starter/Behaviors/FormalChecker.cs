using System.Text.RegularExpressions;

namespace Arena.Starter.Behaviors;

/// <summary>Formal register: opens with "Certainly.", and has no contractions and no exclamation marks.</summary>
public sealed partial class FormalChecker : IBehaviorChecker
{
    /// <summary>The opening every formal reply starts with.</summary>
    public const string Opening = "Certainly.";

    // Any apostrophe between letters: the world's formal replies have no possessives either, so this stays exact.
    [GeneratedRegex(@"\p{L}['’]\p{L}")]
    private static partial Regex Contraction();

    /// <inheritdoc />
    public string Family => "tone";

    /// <inheritdoc />
    public string Id => "formal";

    /// <inheritdoc />
    public bool Follows(string reply, BehaviorContext context)
    {
        var text = reply.Trim();
        return text.StartsWith(Opening, StringComparison.Ordinal)
            && text.Length > Opening.Length
            && !Contraction().IsMatch(text)
            && !text.Contains('!');
    }
}
