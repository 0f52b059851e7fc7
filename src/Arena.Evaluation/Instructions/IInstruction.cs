namespace Arena.Evaluation.Instructions;

/// <summary>
/// One verifiable instruction in IFEval's sense (e.g. <c>punctuation:no_comma</c>), already given its arguments:
/// it decides from the reply's text alone whether the reply followed it.
/// </summary>
public interface IInstruction
{
    /// <summary>IFEval's instruction id, e.g. <c>length_constraints:number_words</c>.</summary>
    string Id { get; }

    /// <summary>
    /// True when <paramref name="response"/> follows the instruction (IFEval's strict check). Throws
    /// <see cref="System.Text.RegularExpressions.RegexMatchTimeoutException"/> when one of IFEval's patterns runs past
    /// its time limit on a degenerate reply (see <c>Patterns</c>); the reply was then not judged.
    /// </summary>
    bool Follows(string response);
}
