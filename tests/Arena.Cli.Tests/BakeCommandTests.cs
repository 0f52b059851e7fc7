using System.Text.Json.Nodes;
using Arena.Engine.Tests;

namespace Arena.Cli.Tests;

[Collection("cli")]
public class BakeCommandTests
{
    static string[] Bake(string model, string outDir, params string[] extra) =>
        ["bake", "--model", model, "--prompt", "Talk like a pirate.", "--out", outDir, "--rank", "4", "--lr", "0.005",
         "--trajectories", "1", "--max-tokens", "8", "--epochs", "1", "--batch", "8", .. extra];

    [Fact]
    public void BakeWritesAPeftAdapterReportAndCheckpointsThatLoadBack()
    {
        var model = Fixture.ChatModelDir();
        var outDir = Path.Combine(Fixture.TempDir(), "baked");
        var (code, stdout, err) = CliRunner.Run(Bake(model, outDir));
        Assert.True(code == 0, err);
        Assert.Contains("KL(prompted‖baked)", stdout);
        // The platform's report card, printed and saved beside the adapter: the pirate prompt is judged by its rule.
        Assert.Contains("report card:", stdout);
        var card = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "report-card.json")))!;
        Assert.Equal("persona/pirate", card["rule"]!.GetValue<string>());
        Assert.Equal(3, card["samples"]!.AsArray().Count);
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "bake-report.json")))!;
        Assert.Equal("Talk like a pirate.", report["recipe"]!["prompt"]!.GetValue<string>());
        Assert.True(report["kl_prompted_vs_baked"]!.GetValue<double>() >= 0);
        Assert.True(File.Exists(Path.Combine(outDir, "checkpoints", "0.5", "adapter_model.safetensors")));
        var cfg = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "adapter_config.json")))!;
        Assert.Equal("LORA", cfg["peft_type"]!.GetValue<string>());
        Assert.Equal(4, cfg["r"]!.GetValue<int>());
        // The baked adapter is usable as a parent (re-baking / sequential baking) and by generate.
        var again = CliRunner.Run("generate", "--model", model, "--adapter", outDir + ":0.5", "--prompt", "hi", "--max-tokens", "5", "--seed", "1");
        Assert.True(again.Code == 0, again.Err);
    }

    [Theory]
    [InlineData("--rank", "0", "rank")]
    [InlineData("--rank", "100000", "rank")]
    [InlineData("--lr", "0", "lr")]
    [InlineData("--lr", "3", "lr")]
    [InlineData("--trajectories", "1000", "trajectories")]
    [InlineData("--max-tokens", "100000", "max-tokens")]
    [InlineData("--kl", "topk:0", "KL mode")]
    public void AbsurdHyperparametersExitTwoAndWriteNothing(string option, string value, string named)
    {
        var outDir = Path.Combine(Fixture.TempDir(), "baked");
        var (code, _, err) = CliRunner.Run(Bake(Fixture.ChatModelDir(), outDir, option, value));
        Assert.Equal(2, code);
        Assert.Contains(named, err);
        Assert.False(Directory.Exists(outDir));
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(outDir)!));
    }

    [Fact]
    public void OverContextPromptExitsTwoAndLeavesNoHalfWrittenOutput()
    {
        var outDir = Path.Combine(Fixture.TempDir(), "baked");
        var (code, _, err) = CliRunner.Run(["bake", "--model", Fixture.ChatModelDir(), "--prompt", string.Join(" ", Enumerable.Repeat("arr", 900)), "--out", outDir]);
        Assert.Equal(2, code);
        Assert.Contains("context", err);
        Assert.Empty(Directory.GetFileSystemEntries(Path.GetDirectoryName(outDir)!));
    }

    [Fact]
    public void AdapterForAnotherBaseIsRefused()
    {
        var outDir = Path.Combine(Fixture.TempDir(), "baked");
        var gpt2 = Fixture.TempDir();
        foreach (var f in Directory.GetFiles(Fixture.Dir("gpt2"))) File.Copy(f, Path.Combine(gpt2, Path.GetFileName(f)));
        File.Copy(Path.Combine(Fixture.ChatModelDir(), "tokenizer.json"), Path.Combine(gpt2, "tokenizer.json"));
        var (code, _, err) = CliRunner.Run(Bake(gpt2, outDir, "--adapter", Path.Combine(Fixture.Dir("llama"), "lora")));
        Assert.Equal(2, code);
        Assert.Contains("another base", err);
    }

    [Fact]
    public void NoReportCardSkipsIt()
    {
        var outDir = Path.Combine(Fixture.TempDir(), "baked");
        var (code, stdout, err) = CliRunner.Run(Bake(Fixture.ChatModelDir(), outDir, "--no-report-card"));
        Assert.True(code == 0, err);
        Assert.DoesNotContain("report card:", stdout);
        Assert.False(File.Exists(Path.Combine(outDir, "report-card.json")));
        Assert.True(File.Exists(Path.Combine(outDir, "adapter_model.safetensors")));
    }
}
