namespace Arena.Evaluation.Suites;

/// <summary>How big a suite may be: read by the CLI, the upload form and the API alike.</summary>
public static class SuiteLimits
{
    /// <summary>Items in one suite (IFEval has 541; a few thousand keeps an upload's evaluation in minutes, not days).</summary>
    public const int MaxItems = 5000;

    /// <summary>Characters on one line of a suite file.</summary>
    public const int MaxLineChars = 32_000;

    /// <summary>Checks on one item.</summary>
    public const int MaxChecksPerItem = 32;

    /// <summary>Characters in an item's id.</summary>
    public const int MaxIdChars = 128;
}
