namespace Arena.Evaluation.Instructions;

/// <summary>
/// <c>language:response_language</c>: the reply is in the language <c>language</c> (an ISO 639-1 code), told by the
/// script of its letters (<see cref="LanguageScripts"/> has the rule and why).
/// </summary>
internal sealed class ResponseLanguage(string language) : IInstruction
{
    public const string Name = "language:response_language";

    public string Id => Name;

    public bool Follows(string response) => LanguageScripts.Follows(language, response);
}
