using System.Text.Json.Nodes;
using Arena.Evaluation.Instructions;

namespace Arena.Evaluation.Tests.Instructions;

/// <summary>Builds an instruction from kwargs written as JSON, the way suite files hold them.</summary>
internal static class Build
{
    public static IInstruction Instruction(string id, string kwargs = "{}") =>
        InstructionRegistry.Create(id, JsonNode.Parse(kwargs)!.AsObject(), "a prompt");
}
