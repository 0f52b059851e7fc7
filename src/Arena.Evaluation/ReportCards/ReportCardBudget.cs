namespace Arena.Evaluation.ReportCards;

/// <summary>
/// How much a bake's report card asks. Every reply is generated, so the budget is replies: with the defaults,
/// 24 questions × 3 conditions plus 48 everyday questions × 2 (less what the two share), 8 decay conversations × up to
/// 16 turns × 2 conditions and KL on 16 questions: about 17 s on the starter on a 2-core CPU. Lower it for a large
/// model on a CPU. Settable, so configuration binds it (the worker's <c>Arena:Worker:ReportCard</c>).
/// </summary>
public class ReportCardBudget
{
    /// <summary>Held-out questions judged by the prompt's rule (a fact prompt brings its own few).</summary>
    public int Questions { get; set; } = 24;
    /// <summary>Everyday questions of the retention suite.</summary>
    public int RetentionItems { get; set; } = 48;
    /// <summary>Reply length in tokens: enough for a style to show.</summary>
    public int MaxTokens { get; set; } = 64;
    /// <summary>Turns of the prompt-decay conversations (0: no decay curves).</summary>
    public int DecayTurns { get; set; } = 16;
    /// <summary>Conversations per decay curve.</summary>
    public int DecayConversations { get; set; } = 8;
    /// <summary>Held-out questions the KL is measured on (0: no KL histogram).</summary>
    public int KlQueries { get; set; } = 16;
}
