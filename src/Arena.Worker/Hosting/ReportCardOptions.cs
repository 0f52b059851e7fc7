using Arena.Evaluation.ReportCards;

namespace Arena.Worker.Hosting;

/// <summary>
/// The quick evaluation after every bake (<c>Arena:Worker:ReportCard</c>): <c>Enabled</c>, and the budget's counts
/// (<see cref="ReportCardBudget"/>: defaults and what they cost).
/// </summary>
public sealed class ReportCardOptions : ReportCardBudget
{
    public bool Enabled { get; set; } = true;
}
