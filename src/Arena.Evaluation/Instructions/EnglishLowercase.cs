namespace Arena.Evaluation.Instructions;

/// <summary>
/// <c>change_case:english_lowercase</c>: the reply has no capital letter and at least one lowercase one (Python's
/// <c>islower</c>), and is in English as <see cref="EnglishCapital"/> tells it.
/// </summary>
internal sealed class EnglishLowercase : IInstruction
{
    public const string Name = "change_case:english_lowercase";

    public string Id => Name;

    public bool Follows(string response) => PythonText.IsLower(response) && LanguageScripts.Follows("en", response);
}
