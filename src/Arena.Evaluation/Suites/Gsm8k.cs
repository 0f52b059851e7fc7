using System.Text.Json.Nodes;
using Arena.Evaluation.Checks;

namespace Arena.Evaluation.Suites;

/// <summary>
/// GSM8K's line format, <c>{"question", "answer"}</c>, where the answer is worked reasoning ending in
/// <c>#### N</c>: the question is the prompt, N a numeric check, the worked answer the item's reference.
/// </summary>
internal static class Gsm8k
{
    public static SuiteItem Item(JsonObject o, int lineNumber)
    {
        var id = SuiteReader.Id(o, lineNumber);
        var where = $"item '{id}'";
        var question = JsonFields.RequiredString(o, "question", where);
        var answer = JsonFields.RequiredString(o, "answer", where);
        if (!answer.Contains("####", StringComparison.Ordinal) || NumericCheck.Answer(answer) is not { } value)
            throw new SuiteException($"{where}: \"answer\" must end with \"#### <number>\" (GSM8K's format)");
        return new SuiteItem(id, [new SuiteTurn("user", question)], null, JsonFields.OptionalString(o, "category", where), [new NumericCheck(value, 1e-6)])
        {
            Reference = answer,
        };
    }
}
