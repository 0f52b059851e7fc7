namespace Arena.Evaluation.Instructions;

/// <summary><c>length_constraints:number_words</c>: less than / at least <c>num_words</c> words (see <see cref="Words.Count"/>).</summary>
internal sealed class NumberOfWords(int words, Relation relation) : IInstruction
{
    public const string Name = "length_constraints:number_words";

    public string Id => Name;

    public bool Follows(string response) => relation.Holds(Words.Count(response), words);
}
