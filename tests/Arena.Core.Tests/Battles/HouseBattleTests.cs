using Arena.Core.Accounts;
using Arena.Core.Battles;
using Arena.Core.Models;

namespace Arena.Core.Tests.Battles;

/// <summary>A fresh install battles among the starter and the house models, and their votes count.</summary>
public sealed class HouseBattleTests
{
    static readonly ArenaModel Starter = new()
    {
        Id = ModelCatalog.BaseModelId("starter"), Name = "starter", OwnerName = "arena", BaseModel = "starter",
        Kind = ModelKind.Base, Visibility = Visibility.Public,
    };

    static ArenaModel House(string key, string name) => new()
    {
        Id = HouseModels.ModelId("starter", key), Name = name, OwnerId = HouseAccount.Id, OwnerName = HouseAccount.UserName,
        BaseModel = "starter", Kind = ModelKind.Baked, Visibility = Visibility.Public, House = true,
        ParentId = Starter.Id, AncestorIds = [Starter.Id],
    };

    [Fact]
    public void TheStarterAndTheHouseModelsAreEnoughForABattle()
    {
        ArenaModel[] fresh = [Starter, House("pirate", "Pirate Pete"), House("caps", "Shouty Sam")];

        var (a, b) = ContestantPicker.Pick(fresh, new Dictionary<Guid, int>(), new BattleOptions(), new Random(7));

        Assert.NotEqual(a.Id, b.Id);
        Assert.Contains(a, fresh);
        Assert.Contains(b, fresh);
    }

    [Fact]
    public void AReplySayingHouseDoesNotFlagAHouseModelsVoteButItsNameDoes()
    {
        var pirate = House("pirate", "Pirate Pete");

        Assert.False(IdentityLeaks.Found([new BattleTurn("Where do cats sleep?", "In the house, by the fire.", "On the bed.")], pirate, Starter));
        Assert.True(IdentityLeaks.Found([new BattleTurn("hi", "Ahoy, I be Pirate Pete!", "hello")], pirate, Starter));
    }
}
