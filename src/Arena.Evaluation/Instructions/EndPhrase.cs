namespace Arena.Evaluation.Instructions;

/// <summary>
/// <c>startend:end_checker</c>: the reply ends with <c>end_phrase</c>, in any case, once surrounding white space and
/// double quotes are taken off (so a reply wrapped in quotes still passes).
/// </summary>
internal sealed class EndPhrase(string endPhrase) : IInstruction
{
    public const string Name = "startend:end_checker";

    private readonly string expected = PythonText.Lower(PythonText.Strip(endPhrase));

    public string Id => Name;

    public bool Follows(string response) =>
        PythonText.Lower(PythonText.Strip(response).Trim('"')).EndsWith(expected, StringComparison.Ordinal);
}
