namespace Arena.Evaluation.Instructions;

/// <summary><c>detectable_format:constrained_response</c>: the reply contains "My answer is yes.", "My answer is no." or "My answer is maybe.".</summary>
internal sealed class ConstrainedResponse : IInstruction
{
    public const string Name = "detectable_format:constrained_response";

    private static readonly string[] Options = ["My answer is yes.", "My answer is no.", "My answer is maybe."];

    public string Id => Name;

    public bool Follows(string response) => Options.Any(o => response.Contains(o, StringComparison.Ordinal));
}
