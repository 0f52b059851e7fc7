using Arena.Core.Accounts;
using Arena.Core.Battles;
using Arena.Core.Models;
using Arena.Web.Components.Pages.Home;
using Arena.Web.Components.Pages.Leaderboard;
using Arena.Web.Components.Pages.Models;
using Arena.Web.Components.Shared;
using Bunit;

namespace Arena.Web.Tests.Components;

/// <summary>House models say so wherever a model is shown, and users' bakes never do.</summary>
public sealed class HouseLabelTests : ComponentTest
{
    readonly ArenaModel _starter;
    readonly ArenaModel _house;
    readonly ArenaModel _users;

    public HouseLabelTests()
    {
        _starter = Catalog.Add("starter", owner: "arena");
        _house = Catalog.Add("Pirate Pete", _starter.Id, owner: HouseAccount.UserName, ownerId: HouseAccount.Id, prompts: "You are a pirate.");
        _house.House = true;
        _users = Catalog.Add("Captain Arr", _starter.Id, owner: "bob", ownerId: Guid.NewGuid(), prompts: "You are a pirate.");
    }

    [Fact]
    public void ACardOfAHouseModelCarriesTheHouseChipAndAUsersCardDoesNot()
    {
        var house = Context.Render<ModelCard>(p => p.Add(c => c.Model, _house));
        var users = Context.Render<ModelCard>(p => p.Add(c => c.Model, _users));

        Assert.Equal("house", house.Find("[data-testid=house-chip]").TextContent.Trim());
        Assert.Empty(users.FindAll("[data-testid=house-chip]"));
    }

    [Fact]
    public void TheModelPageOfAHouseModelCarriesTheHouseChip()
    {
        var house = Context.Render<ModelPage>(p => p.Add(c => c.Id, _house.Id));
        var users = Context.Render<ModelPage>(p => p.Add(c => c.Id, _users.Id));

        house.WaitForAssertion(() => Assert.Single(house.FindAll("[data-testid=house-chip]")));
        users.WaitForAssertion(() => Assert.NotEmpty(users.FindAll("[data-testid=model-name]")));
        Assert.Empty(users.FindAll("[data-testid=house-chip]"));
    }

    [Fact]
    public void TheLeaderboardMarksHouseRows()
    {
        Board.Snapshot = new LeaderboardSnapshot
        {
            Votes = 1, ProvisionalBelow = 10, BootstrapRounds = 10,
            Rows =
            [
                new LeaderboardRow(_house.Id, "Pirate Pete", "house", _starter.Id, "starter", "starter", 1, 1010, 900, 1100, 1008, 1, 1, true, House: true),
                new LeaderboardRow(_users.Id, "Captain Arr", "bob", _starter.Id, "starter", "starter", 2, 990, 900, 1100, 992, 1, 0, true),
            ],
            MatrixModelIds = [_house.Id, _users.Id],
            WinFractions = [[null, 1.0], [0.0, null]],
            BattleCounts = [[0, 1], [1, 0]],
        };

        var cut = Context.Render<Leaderboard>();

        var rows = cut.FindAll("[data-testid=leaderboard-table] tbody tr");
        Assert.Single(rows[0].QuerySelectorAll("[data-testid=house-chip]"));
        Assert.Empty(rows[1].QuerySelectorAll("[data-testid=house-chip]"));
    }

    [Fact]
    public void HomeFeaturesHouseModelsAndLeadsToTheArena()
    {
        // More users' bakes than the page features: the house model still gets a place.
        for (var i = 0; i < 8; i++) Catalog.Add($"Bake {i}", _starter.Id, owner: "bob", ownerId: Guid.NewGuid(), prompts: "p");

        var cut = Context.Render<Home>();

        var names = cut.FindAll("[data-testid=model-card] .model-name").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(6, names.Count);
        Assert.Contains("Pirate Pete", names);
        Assert.Single(cut.FindAll("[data-testid=model-card] [data-testid=house-chip]"));
        Assert.Equal("/arena", cut.Find("[data-testid=cta-arena]").GetAttribute("href"));
    }
}
