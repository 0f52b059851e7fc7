using Arena.Core.Models;
using Arena.Engine;
using Arena.Engine.Tests;
using static TorchSharp.torch;

namespace Arena.Cli.Tests;

[Collection("cli")]
public class HouseCommandTests
{
    // The smallest recipe that still bakes: the test checks the folder and the manifest, not the quality of the bake.
    static string[] House(string model, params string[] extra) =>
        ["house", "--model", model, "--epochs", "1", "--trajectories", "1", "--max-tokens", "8", "--rank", "4",
         "--train-queries", "4", "--eval-queries", "4", .. extra];

    [Fact]
    public void HouseWritesAManifestAndAnAdapterTheEngineLoads()
    {
        var model = Fixture.ChatModelDir();
        var (code, stdout, err) = CliRunner.Run(House(model, "--only", "pirate"));
        Assert.True(code == 0, err);
        Assert.Contains("Captain Starter", stdout);

        var manifest = HouseManifest.Read(model);
        Assert.NotNull(manifest);
        var pirate = Assert.Single(manifest.Models);
        Assert.Equal("pirate", pirate.Key);
        Assert.Equal("You are a pirate. Talk like a pirate in every reply.", pirate.Prompt);
        Assert.Equal(pirate.Prompt, pirate.Recipe.Prompt);
        Assert.Equal(4, pirate.Recipe.Queries.Count);
        Assert.Equal(4, pirate.Recipe.Rank);
        Assert.InRange(pirate.AdherenceBaked!.Value, 0, 1);
        Assert.InRange(pirate.AdherencePrompted!.Value, 0, 1);
        Assert.True(pirate.KlBefore >= 0 && pirate.KlAfter >= 0 && pirate.Seconds > 0);

        // The folder is an arena bake folder without snapshots, and loads as a layer of a model stack.
        var dir = Path.Combine(HouseManifest.FolderOf(model), "pirate");
        Assert.True(Engine.Baking.BakeFolder.IsComplete(dir));
        Assert.False(Directory.Exists(Path.Combine(dir, Engine.Baking.BakeFolder.CheckpointsFolder)));
        using var stack = ModelStack.Load(model, model, [new StackLayer(dir, 1.0, dir)], ScalarType.Float32, CPU);
        Assert.Single(stack.Adapters);
        // No staging folder is left beside the house folder.
        Assert.DoesNotContain(Directory.GetDirectories(model), d => Path.GetFileName(d).StartsWith('.'));
    }

    [Fact]
    public void RebakingSomeKeepsTheOthersAndAFailedRunLeavesTheHouseAsItWas()
    {
        var model = Fixture.ChatModelDir();
        Assert.Equal(0, CliRunner.Run(House(model, "--only", "pirate")).Code);
        var (code, _, err) = CliRunner.Run(House(model, "--only", "caps"));
        Assert.True(code == 0, err);
        var both = HouseManifest.Read(model)!;
        Assert.Equal(["pirate", "caps"], both.Models.Select(m => m.Key));
        Assert.True(Engine.Baking.BakeFolder.IsComplete(Path.Combine(HouseManifest.FolderOf(model), "pirate")));

        // A rank over the model's hidden size fails once the model is loaded, after the staging folder was made.
        var failed = CliRunner.Run(House(model, "--only", "pirate", "--rank", "100000"));
        Assert.Equal(2, failed.Code);
        Assert.Equal(both.Models.Select(m => m.Seconds), HouseManifest.Read(model)!.Models.Select(m => m.Seconds));
        Assert.DoesNotContain(Directory.GetDirectories(model), d => Path.GetFileName(d).StartsWith('.'));
    }

    [Fact]
    public void AnUnknownKeyExitsTwoWithOneLineAndWritesNothing()
    {
        var model = Fixture.ChatModelDir();
        var (code, _, err) = CliRunner.Run(House(model, "--only", "nosuch"));
        Assert.Equal(2, code);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Contains("nosuch", err);
        Assert.False(Directory.Exists(HouseManifest.FolderOf(model)));
    }
}
