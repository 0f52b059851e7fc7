using System.Text.RegularExpressions;

namespace Arena.Evaluation.Instructions;

/// <summary>
/// <c>length_constraints:number_paragraphs</c>: exactly <c>num_paragraphs</c> paragraphs separated by the markdown
/// divider <c>***</c>. An empty piece at either end is not counted (a leading or trailing divider); an empty piece
/// between two dividers fails the reply, as in IFEval.
/// </summary>
internal sealed partial class NumberOfParagraphs(int paragraphs) : IInstruction
{
    public const string Name = "length_constraints:number_paragraphs";

    public string Id => Name;

    public bool Follows(string response)
    {
        var pieces = Divider().Split(response);
        var count = pieces.Length;
        for (var i = 0; i < pieces.Length; i++)
        {
            if (PythonText.Strip(pieces[i]).Length > 0) continue;
            if (i != 0 && i != pieces.Length - 1) return false;
            count--;
        }
        return count == paragraphs;
    }

    [GeneratedRegex(@"\s?\*\*\*\s?", RegexOptions.None, Patterns.TimeoutMilliseconds)]
    private static partial Regex Divider();
}
