using System.Text.RegularExpressions;

namespace Arena.Evaluation.Judging;

/// <summary>
/// Reads the verdict out of a judge model's reply: MT-Bench's labels <c>[[A]]</c>, <c>[[B]]</c>, <c>[[C]]</c> (a tie),
/// and Arena-Hard's <c>[[A&gt;&gt;B]]</c>, <c>[[A&gt;B]]</c>, <c>[[A=B]]</c>, <c>[[B&gt;A]]</c>, <c>[[B&gt;&gt;A]]</c>
/// (the strength of a win is dropped: a battle is won, lost or tied). As Arena-Hard does, a reply whose labels
/// disagree, or that has none, has no verdict: never the first label, which is often the judge restating the format.
/// </summary>
public static partial class VerdictParser
{
    /// <summary>The reply's verdict, or null when it gives none or several different ones.</summary>
    public static Verdict? Parse(string reply)
    {
        var verdicts = Label().Matches(reply).Select(m => Read(m.Groups[1].Value)).Where(v => v is not null).Distinct().ToList();
        return verdicts.Count == 1 ? verdicts[0] : null;
    }

    static Verdict? Read(string label) => label switch
    {
        "A" or "A>B" or "A>>B" or "B<A" or "B<<A" => Verdict.A,
        "B" or "B>A" or "B>>A" or "A<B" or "A<<B" => Verdict.B,
        "C" or "A=B" or "B=A" => Verdict.Tie,
        _ => null,
    };

    // Labels are at most five characters of a small alphabet, so the pattern cannot backtrack far on any reply.
    [GeneratedRegex(@"\[\[\s*([ABC<>=]{1,5})\s*\]\]")]
    private static partial Regex Label();
}
