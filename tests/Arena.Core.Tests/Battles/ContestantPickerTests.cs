using Arena.Core.Battles;
using Arena.Core.Models;

namespace Arena.Core.Tests.Battles;

public sealed class ContestantPickerTests
{
    static ArenaModel M(string name) => new() { Id = Guid.NewGuid(), Name = name, OwnerName = "o", BaseModel = "b" };

    [Fact]
    public void NewModelsAreDrawnMoreOftenAndNeverAgainstThemselves()
    {
        var (veteran1, veteran2, rookie) = (M("v1"), M("v2"), M("new"));
        var battles = new Dictionary<Guid, int> { [veteran1.Id] = 1000, [veteran2.Id] = 1000 };
        var options = new BattleOptions { NewModelBattles = 30, NewModelWeight = 4 };
        var random = new Random(7);
        int rookieIn = 0, rookieOnA = 0;
        for (int i = 0; i < 2000; i++)
        {
            var (a, b) = ContestantPicker.Pick([veteran1, veteran2, rookie], battles, options, random);
            Assert.NotEqual(a.Id, b.Id);
            if (a == rookie || b == rookie) rookieIn++;
            if (a == rookie) rookieOnA++;
        }
        Assert.InRange(rookieIn / 2000.0, 0.85, 0.97);   // 1 − P(two veterans) = 1 − (1/6)(1/5)·2 ≈ 0.93
        Assert.InRange(rookieOnA / (double)rookieIn, 0.45, 0.55); // sides are a coin flip
    }

    [Fact]
    public void OneModelIsNotEnoughForABattle()
    {
        var lonely = M("only");
        var e = Assert.Throws<Arena.Core.DomainException>(() => ContestantPicker.Pick([lonely, lonely], new Dictionary<Guid, int>(), new BattleOptions(), new Random(1)));
        Assert.Contains("at least two", e.Message);
    }
}
