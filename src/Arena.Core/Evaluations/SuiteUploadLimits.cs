namespace Arena.Core.Evaluations;

/// <summary>What one account may upload (configuration section Arena:Evaluations:Uploads).</summary>
public sealed class SuiteUploadLimits
{
    public const string Section = "Arena:Evaluations:Uploads";

    /// <summary>Characters in one suite file: a thousand IFEval-sized items and then some.</summary>
    public int MaxChars { get; set; } = 1_000_000;
    /// <summary>Suites one account keeps.</summary>
    public int MaxSuitesPerUser { get; set; } = 20;
}
