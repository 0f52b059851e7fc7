using Arena.Evaluation.Instructions;

namespace Arena.Evaluation.Checks;

/// <summary>A verifiable instruction, scored strictly on the reply and loosely on IFEval's reply variants.</summary>
public sealed class InstructionCheck(IInstruction instruction) : ICheck
{
    public const string KindName = "instruction";

    public string Kind => KindName;

    public string Name => instruction.Id;

    public CheckResult Check(string response)
    {
        try
        {
            var strict = response.Trim().Length > 0 && instruction.Follows(response);
            // IFEval skips empty variants: an instruction like "no commas" must not pass on nothing.
            var loose = strict || LooseResponses.Of(response).Any(v => v.Trim().Length > 0 && instruction.Follows(v));
            return new CheckResult(Kind, Name, strict, loose);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            // The checkers' patterns run under a time limit; a reply that exhausts it fails this item, not the run.
            return CheckResult.Failed(Kind, Name, "the reply took too long to check");
        }
    }
}
