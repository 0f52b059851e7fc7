namespace Arena.Evaluation.Instructions;

/// <summary><c>startend:quotation</c>: the reply, stripped, begins and ends with a straight double quote (and is more than one character).</summary>
internal sealed class Quotation : IInstruction
{
    public const string Name = "startend:quotation";

    public string Id => Name;

    public bool Follows(string response)
    {
        var text = PythonText.Strip(response);
        return text.Length > 1 && text[0] == '"' && text[^1] == '"';
    }
}
