namespace Arena.Core.Battles;

/// <summary>Configuration "Arena:Battles" (appsettings or environment, e.g. Arena__Battles__DailyVoteCap): the
/// domain's half of the section; the web app reads its half (address salt, rate limits, refresh timing) from the same
/// section.</summary>
public sealed class BattleOptions
{
    public const string Section = "Arena:Battles";

    public int MaxPromptChars { get; set; } = 4000;
    public int MaxTurns { get; set; } = 8;
    /// <summary>Votes one judge may cast per UTC day (signed-in users).</summary>
    public int DailyVoteCap { get; set; } = 500;
    /// <summary>The same for anonymous judges, whose key is easier to renew.</summary>
    public int AnonymousDailyVoteCap { get; set; } = 50;
    /// <summary>A model with fewer battles than this is "new": drawn <see cref="NewModelWeight"/> times as often.</summary>
    public int NewModelBattles { get; set; } = 30;
    public double NewModelWeight { get; set; } = 3;
    /// <summary>Leaderboard rows with fewer battles are marked provisional.</summary>
    public int ProvisionalBelow { get; set; } = 10;
    public int BootstrapRounds { get; set; } = 100;
    public int BootstrapSeed { get; set; } = 42;
    /// <summary>Off by default: the web replica that recomputes also serves votes, and a bootstrap on every core
    /// showed up as a 0.5 s tail on the vote endpoint (docs/benchmarks.md). One core still takes well under a second
    /// for the arena's sizes.</summary>
    public bool ParallelBootstrap { get; set; }
    /// <summary>Outlier judges: only judges with at least this many decisive votes are tested.</summary>
    public int OutlierMinVotes { get; set; } = 30;
    /// <summary>A judge whose agreement with the consensus is this many standard deviations below what the ratings
    /// predict is left out (Chatbot Arena's anomalous-user test, simplified to a z-score).</summary>
    public double OutlierZ { get; set; } = 4;
}
