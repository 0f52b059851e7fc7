namespace Arena.Evaluation.Instructions;

/// <summary>
/// <c>change_case:english_capital</c>: the reply is all capitals (Python's <c>isupper</c> of the whole text) and in
/// English, which without langdetect means its letters are mostly Latin (<see cref="LanguageScripts"/>): an
/// all-capitals reply in Russian fails, one in French passes.
/// </summary>
internal sealed class EnglishCapital : IInstruction
{
    public const string Name = "change_case:english_capital";

    public string Id => Name;

    public bool Follows(string response) => PythonText.IsUpper(response) && LanguageScripts.Follows("en", response);
}
