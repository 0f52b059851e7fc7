namespace Arena.Evaluation.Instructions;

/// <summary><c>combination:repeat_prompt</c>: the reply begins with <c>prompt_to_repeat</c>, word for word in any case.</summary>
internal sealed class RepeatPrompt(string promptToRepeat) : IInstruction
{
    public const string Name = "combination:repeat_prompt";

    private readonly string expected = PythonText.Lower(PythonText.Strip(promptToRepeat));

    public string Id => Name;

    public bool Follows(string response) =>
        PythonText.Lower(PythonText.Strip(response)).StartsWith(expected, StringComparison.Ordinal);
}
