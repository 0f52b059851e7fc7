namespace Arena.Evaluation.Suites;

/// <summary>
/// A suite shipped with Arena. <see cref="Version"/> goes up whenever its items change, so old scores are read as
/// scores of the old items (the stored hash says the same to a machine).
/// </summary>
public sealed record BuiltInSuite(string Name, int Version, string Description)
{
    /// <summary>"name@version", as reports and stored scores name it.</summary>
    public string Label => $"{Name}@{Version}";
}
