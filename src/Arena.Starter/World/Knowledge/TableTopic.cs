using System.Text.RegularExpressions;

namespace Arena.Starter.World;

/// <summary>
/// One everyday topic as a knowledge table: rows of (subject, object), question templates with <c>{s}</c>,
/// an answer template with <c>{s}</c> and <c>{o}</c>, and elaborations. The neutral answer is a fixed function
/// of the row (main sentence + the row's elaboration), which makes it learnable by a tiny model.
/// </summary>
internal sealed partial class TableTopic(
    string name,
    IReadOnlyList<(string S, string O)> rows,
    IReadOnlyList<Template> questions,
    Template answer,
    IReadOnlyList<Template> elaborations,
    Func<string, string>? answerSubject = null)
{
    // Light decoration keeps the model from keying on one exact question string.
    private static readonly string[] Prefixes = ["", "", "", "", "", "Hi! ", "Hello. ", "Quick question: ", "Excuse me. "];
    private static readonly string[] Suffixes = ["", "", "", "", " Thanks.", " Thank you."];

    // "a owl" → "an owl", but "a useful" stays: "u" sounding like "you" takes "a".
    [GeneratedRegex(@"\b([Aa]) (?=[aeiouAEIOU])(?!use|uni)")]
    private static partial Regex ArticleBeforeVowel();

    public string Name { get; } = name;

    public IReadOnlyList<Template> Questions { get; } = questions;

    public int RowCount => rows.Count;

    /// <summary>A random question of <paramref name="split"/> about a random row, with its neutral answer.</summary>
    public QaItem Ask(Random rng, Split split)
    {
        var row = rng.Next(rows.Count);
        var template = rng.Pick(Template.Of(Questions, split));
        var question = rng.Pick(Prefixes) + Sentence(template, rows[row].S, rows[row].O) + rng.Pick(Suffixes);
        return new QaItem(Name, question, AnswerOf(row), rows[row].O);
    }

    /// <summary>The neutral answer of every row: the world's whole answer vocabulary comes from here.</summary>
    public IEnumerable<IReadOnlyList<string>> AllAnswers() => Enumerable.Range(0, rows.Count).Select(AnswerOf);

    private IReadOnlyList<string> AnswerOf(int row)
    {
        var (s, o) = rows[row];
        var subject = answerSubject?.Invoke(s) ?? s;
        return [Sentence(answer, subject, o), Sentence(elaborations[row % elaborations.Count], subject, o)];
    }

    private static string Sentence(Template template, string s, string o) =>
        TextCase(ArticleBeforeVowel().Replace(template.Fill(("s", s), ("o", o)), "$1n "));

    private static string TextCase(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
