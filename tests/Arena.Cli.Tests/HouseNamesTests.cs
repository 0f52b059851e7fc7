using Arena.Cli.House;
using Arena.Core.Battles;
using Arena.Core.Models;
using Arena.Testing;

namespace Arena.Cli.Tests;

/// <summary>A house model's name must not turn up in its own replies, or every battle it is in is voided as an identity
/// leak (IdentityLeaks): "Nova", who signs "— signed, Nova", counted for nothing.</summary>
public sealed class HouseNamesTests
{
    [Fact]
    public void NoHouseModelIsNamedByItsOwnPrompt()
    {
        foreach (var preset in HouseNames.Presets)
            Assert.DoesNotContain(HouseNames.Name(preset), preset.Prompt, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AReplyInTheHouseStyleIsNoLeakOfItsName()
    {
        // What the prompts make the models write (the sign-off's is the one a name could hide in).
        var model = new ArenaModel { Name = HouseNames.Name(HouseNames.Presets.Single(p => p.Key == "signoff")), OwnerName = "house", BaseModel = "starter", House = true };
        var turn = new BattleTurn("What is rain?", "Rain is water falling from clouds.\n— signed, Nova", "It rains.");
        Assert.False(IdentityLeaks.Found([turn], model));
    }

    [Fact]
    public void TheCheckedInManifestUsesTheseNames()
    {
        var manifest = HouseManifest.Read(RepoPaths.Starter) ?? throw new InvalidOperationException("no house models checked in");
        Assert.Equal(HouseNames.Presets.Select(HouseNames.Name), manifest.Models.Select(m => m.Name));
    }
}
