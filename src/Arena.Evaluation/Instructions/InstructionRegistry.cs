using System.Text.Json.Nodes;

namespace Arena.Evaluation.Instructions;

/// <summary>
/// IFEval's instruction registry: builds an instruction from its id, its kwargs and the item's prompt.
/// </summary>
public static class InstructionRegistry
{
    /// <summary>Every instruction id this registry knows, in IFEval's spelling.</summary>
    public static IReadOnlyList<string> Ids { get; } = ["punctuation:no_comma"];

    /// <summary>
    /// The instruction <paramref name="id"/> with <paramref name="kwargs"/> (null values count as absent, as in
    /// IFEval's published data). Throws <see cref="SuiteException"/> for an unknown id or wrong kwargs.
    /// </summary>
    public static IInstruction Create(string id, JsonObject? kwargs, string prompt) => id switch
    {
        "punctuation:no_comma" => new NoCommaInstruction(),
        _ => throw new SuiteException($"unknown instruction id '{id}'"),
    };

    private sealed class NoCommaInstruction : IInstruction
    {
        public string Id => "punctuation:no_comma";
        public bool Follows(string response) => !response.Contains(',');
    }
}
