using Bunit;
using Arena.Core.Battles;
using Arena.Web.Components.Pages.Home;
using Arena.Web.Components.Pages.Leaderboard;

namespace Arena.Web.Tests.Components;

public sealed class LeaderboardPageTests : ComponentTest
{
    private static LeaderboardSnapshot Snapshot()
    {
        var (champ, rookie) = (Guid.NewGuid(), Guid.NewGuid());
        return new LeaderboardSnapshot
        {
            ComputedAt = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero), Votes = 42, BootstrapRounds = 100, ProvisionalBelow = 10,
            Rows =
            [
                new LeaderboardRow(champ, "Champion", "alice", null, null, "starter", 1, 1100, 1050, 1150, 1040, 40, 0.9, false),
                new LeaderboardRow(rookie, "Rookie", "bob", champ, "Champion", "starter", 2, 900, 850, 950, 960, 4, 0.1, true),
            ],
            MatrixModelIds = [rookie, champ],
            WinFractions = [[null, 0.1], [0.9, null]],
            BattleCounts = [[0, 42], [42, 0]],
        };
    }

    [Fact]
    public void RowsProvisionalBadgesComputedTimeExportAndHeatmapAreShown()
    {
        Board.Snapshot = Snapshot();

        var cut = Context.Render<Leaderboard>();

        Assert.Equal(["Champion", "Rookie"], cut.FindAll("[data-testid=row-name]").Select(e => e.TextContent.Trim()));
        Assert.Single(cut.FindAll("[data-testid=provisional]"));
        Assert.Contains("2026-11-23 12:00:00", cut.Find("[data-testid=leaderboard-computed]").TextContent);
        Assert.Equal("/api/battles/export", cut.Find("[data-testid=leaderboard-export]").GetAttribute("href"));
        var heatmap = cut.Find("[data-testid=win-heatmap]");
        Assert.Contains("0.90", heatmap.TextContent);
        Assert.NotNull(cut.Find("[data-testid=rating-intervals]"));
    }

    [Fact]
    public void EveryCellCarriesItsColumnsLabelForTheStackedMobileLayout()
    {
        Board.Snapshot = Snapshot();

        var cut = Context.Render<Leaderboard>();

        var table = cut.Find("[data-testid=leaderboard-table]");
        var headers = table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToList();
        foreach (var row in table.QuerySelectorAll("tbody tr"))
            Assert.Equal(headers, row.QuerySelectorAll("td").Select(td => td.GetAttribute("data-label")));
    }

    [Fact]
    public void AnEmptyLeaderboardInvitesToJudge()
    {
        var cut = Context.Render<Leaderboard>();
        Assert.Contains("No votes yet", cut.Find("[data-testid=leaderboard-empty]").TextContent);
    }

    [Fact]
    public void HomeShowsTheTopOfTheLeaderboard()
    {
        Board.Snapshot = Snapshot();
        var cut = Context.Render<Home>();
        Assert.Contains("Champion", cut.Find("[data-testid=leaderboard-top]").TextContent);
    }
}
