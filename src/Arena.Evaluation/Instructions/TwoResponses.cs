namespace Arena.Evaluation.Instructions;

/// <summary>
/// <c>combination:two_responses</c>: two different answers separated by six asterisks <c>******</c>. Blank pieces at
/// either end are ignored; a blank piece between separators fails, as in IFEval.
/// </summary>
internal sealed class TwoResponses : IInstruction
{
    public const string Name = "combination:two_responses";

    public string Id => Name;

    public bool Follows(string response)
    {
        var pieces = response.Split("******");
        var answers = new List<string>();
        for (var i = 0; i < pieces.Length; i++)
        {
            if (PythonText.Strip(pieces[i]).Length > 0) answers.Add(pieces[i]);
            else if (i != 0 && i != pieces.Length - 1) return false;
        }
        return answers.Count == 2 && PythonText.Strip(answers[0]) != PythonText.Strip(answers[1]);
    }
}
