namespace Arena.Evaluation.Instructions;

/// <summary><c>length_constraints:number_sentences</c>: less than / at least <c>num_sentences</c> sentences (see <see cref="Sentences"/>).</summary>
internal sealed class NumberOfSentences(int sentences, Relation relation) : IInstruction
{
    public const string Name = "length_constraints:number_sentences";

    public string Id => Name;

    public bool Follows(string response) => relation.Holds(Sentences.Count(response), sentences);
}
