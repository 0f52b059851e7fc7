namespace Arena.Evaluation.Instructions;

/// <summary>
/// <c>change_case:capital_word_frequency</c>: the words in all capitals (nltk tokens, see <see cref="Words.Tokenize"/>,
/// judged by Python's <c>isupper</c>, so "I" and "U.S." count) number less than / at least <c>capital_frequency</c>.
/// </summary>
internal sealed class CapitalWordFrequency(int frequency, Relation relation) : IInstruction
{
    public const string Name = "change_case:capital_word_frequency";

    public string Id => Name;

    public bool Follows(string response) => relation.Holds(Words.Tokenize(response).Count(PythonText.IsUpper), frequency);
}
