using System.Text.RegularExpressions;

namespace Arena.Starter.Behaviors;

/// <summary>
/// Spots degenerate output, the usual failure of a small or over-trained model: an empty reply, one line
/// repeated, a phrase looping, or a short unit stuttering at the end ("la la la la", "!!!!!!!!").
/// The thresholds are loose enough that every reply the world generates passes.
/// </summary>
public static partial class RepetitionDetector
{
    /// <summary>How many times one non-empty line may appear before the reply counts as a loop.</summary>
    public const int MaxLineRepeats = 2;

    /// <summary>Length of the word n-grams counted for phrase loops.</summary>
    public const int NGram = 4;

    /// <summary>How many times one word n-gram may appear before the reply counts as a loop.</summary>
    public const int MaxNGramRepeats = 2;

    // A unit of 1-3 characters repeated 8+ times, or of 4-30 characters repeated 4+ times, at the end.
    [GeneratedRegex(@"(?:(.{1,3}?)\1{7,}|(.{4,30}?)\2{3,})\s*$", RegexOptions.Singleline)]
    private static partial Regex TailLoop();

    [GeneratedRegex(@"\p{L}+|\p{N}+|[^\s\p{L}\p{N}]")]
    private static partial Regex Token();

    // Loops that matter show up at the end; looking only there keeps the backtracking regex cheap.
    private const int TailWindow = 400;

    /// <summary>True when <paramref name="reply"/> is empty or loops.</summary>
    public static bool IsDegenerate(string reply) =>
        string.IsNullOrWhiteSpace(reply)
        || HasRepeatedLine(reply)
        || HasRepeatedNGram(reply)
        || TailLoop().IsMatch(reply.Length > TailWindow ? reply[^TailWindow..] : reply);

    private static bool HasRepeatedLine(string reply) =>
        TextWords.Lines(reply).GroupBy(l => l, StringComparer.Ordinal).Any(g => g.Count() > MaxLineRepeats);

    private static bool HasRepeatedNGram(string reply)
    {
        var tokens = Token().Matches(reply).Select(m => m.Value.ToLowerInvariant()).ToList();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + NGram <= tokens.Count; i++)
        {
            var key = string.Join('\u0001', tokens.Skip(i).Take(NGram));
            if ((seen[key] = seen.GetValueOrDefault(key) + 1) > MaxNGramRepeats) return true;
        }
        return false;
    }
}
