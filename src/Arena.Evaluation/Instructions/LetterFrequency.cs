namespace Arena.Evaluation.Instructions;

/// <summary>
/// <c>keywords:letter_frequency</c>: one character, counted in the lowercased reply, occurs less than / at least
/// <c>let_frequency</c> times. IFEval's data uses it for punctuation too ("!", "#"), so any single character goes.
/// </summary>
internal sealed class LetterFrequency(string letter, int frequency, Relation relation) : IInstruction
{
    public const string Name = "keywords:letter_frequency";

    private readonly char lowered = PythonText.Lower(letter)[0];

    public string Id => Name;

    public bool Follows(string response) => relation.Holds(PythonText.Lower(response).Count(c => c == lowered), frequency);
}
