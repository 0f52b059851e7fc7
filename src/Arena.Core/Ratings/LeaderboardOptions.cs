namespace Arena.Core.Ratings;

/// <summary>How a leaderboard is computed; the defaults are Chatbot Arena's.</summary>
public sealed record LeaderboardOptions
{
    public int BootstrapRounds { get; init; } = BootstrapRatings.DefaultRounds;
    /// <summary>Seeds the bootstrap: the same battles and seed give the same intervals, run after run.</summary>
    public int Seed { get; init; }
    public double ConfidenceLevel { get; init; } = 0.95;
    public double EloK { get; init; } = OnlineElo.DefaultK;
    public RatingScale Scale { get; init; } = RatingScale.Default;
    public double L2 { get; init; } = BradleyTerry.DefaultL2;
    /// <summary>Run bootstrap rounds on all cores (results are identical either way).</summary>
    public bool Parallel { get; init; } = true;

    public static LeaderboardOptions Default { get; } = new();
}
