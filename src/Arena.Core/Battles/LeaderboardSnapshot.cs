namespace Arena.Core.Battles;

/// <summary>
/// The stored leaderboard (one Marten document, id <see cref="CurrentId"/>), recomputed in the background after new
/// votes. Rows are best first; the matrices are over <see cref="MatrixModelIds"/> in the same order as the rows.
/// </summary>
public sealed class LeaderboardSnapshot
{
    public const string CurrentId = "current";

    public string Id { get; set; } = CurrentId;
    public DateTimeOffset ComputedAt { get; set; }
    /// <summary>How long the computation took (reading the votes included).</summary>
    public double ComputeSeconds { get; set; }
    /// <summary>Votes the ratings are based on, and those left out (identity leaks, outlier judges).</summary>
    public int Votes { get; set; }
    public int ExcludedLeaks { get; set; }
    public int ExcludedOutlierVotes { get; set; }
    public int ExcludedJudges { get; set; }
    /// <summary>The outlier judges left out (server-side only: the export leaves their votes out too).</summary>
    public List<string> ExcludedJudgeKeys { get; set; } = [];
    /// <summary>The newest vote included: the refresher recomputes when a newer one exists.</summary>
    public DateTimeOffset? LastVoteAt { get; set; }
    public int ProvisionalBelow { get; set; }
    public int BootstrapRounds { get; set; }
    public List<LeaderboardRow> Rows { get; set; } = [];
    public List<Guid> MatrixModelIds { get; set; } = [];
    /// <summary>[i][j]: how often row model i beat column model j among decisive battles (null: none).</summary>
    public double?[][] WinFractions { get; set; } = [];
    public int[][] BattleCounts { get; set; } = [];

    public static LeaderboardSnapshot Empty(DateTimeOffset at) => new() { ComputedAt = at };
}

/// <param name="House">A house model (<see cref="Models.ArenaModel.House"/>), labelled as such on the board.</param>
public sealed record LeaderboardRow(Guid ModelId, string Name, string OwnerName, Guid? ParentId, string? ParentName,
    string BaseModel, int Rank, double Rating, double CiLow, double CiHigh, double Elo, int Battles, double WinRate,
    bool Provisional, bool House = false);
