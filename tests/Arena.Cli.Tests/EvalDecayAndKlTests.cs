using System.Text.Json.Nodes;
using Arena.Engine.Tests;
using Arena.Testing;

namespace Arena.Cli.Tests;

/// <summary>arena eval --decay and --kl on the real starter with the house pirate adapter.</summary>
[Collection("cli")]
public class EvalDecayAndKlTests
{
    const string Pirate = "You are a pirate. Talk like a pirate in every reply.";

    static string Adapter => Path.Combine(RepoPaths.Starter, "house", "pirate");

    [Fact]
    public void DecayWritesBothCurvesAndSaysHowManyTurnsFitted()
    {
        var json = Path.Combine(Fixture.TempDir(), "decay.json");

        var (code, output, err) = CliRunner.Run("eval", "--model", RepoPaths.Starter, "--adapter", Adapter, "--suite", "retention",
            "--prompt", Pirate, "--decay", "16", "--limit", "8", "--json", json);

        Assert.True(code == 0, err);
        Assert.Contains("turns fitted", output);
        var run = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal("decay", (string)run["kind"]!);
        Assert.True((bool)run["complete"]!);
        Assert.Equal("persona/pirate", (string)run["check"]!);
        Assert.Equal(48, (int)run["settings"]!["max_new_tokens"]!);
        var curves = run["curves"]!.AsArray();
        Assert.Equal(["prompted", "model"], curves.Select(c => (string)c!["name"]!));
        // Prompted, the starter talks like a pirate from the first turn (about 93% of single replies in its report).
        Assert.True((double)curves[0]!["points"]![0]!["value"]! >= 0.75, run.ToJsonString());
        foreach (var curve in curves)
        {
            var fitted = (int)curve!["fitted"]!;
            Assert.Equal(fitted, curve["points"]!.AsArray().Count);
            Assert.Equal(8, (int)curve["points"]![0]!["n"]!);
            // A curve is either all 16 turns long or says where its conversations outgrew the 512-token context.
            if (fitted < 16) Assert.All(curve["stops"]!.AsArray(), s => Assert.Contains("context", (string)s!["reason"]!));
            Assert.True(fitted == 16 || curve["stops"]!.AsArray().Count > 0, curve.ToJsonString());
        }
    }

    [Fact]
    public void AnExplicitCheckJudgesAPromptNoRuleRecognises()
    {
        var json = Path.Combine(Fixture.TempDir(), "decay.json");

        var (code, _, err) = CliRunner.Run("eval", "--model", RepoPaths.Starter, "--suite", "retention", "--prompt", "Be kind to sailors.",
            "--decay", "3", "--conversations", "2", "--limit", "4", "--check", """{"kind": "contains", "value": "arr"}""", "--json", json);

        Assert.True(code == 0, err);
        var run = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal("contains \"arr\"", (string)run["check"]!);
        Assert.All(run["curves"]!.AsArray(), c => Assert.Equal(2, (int)c!["points"]![0]!["n"]!));
    }

    [Theory]
    [InlineData(new[] { "--prompt", "Be kind to sailors.", "--decay", "4" }, "no check for this prompt")]
    [InlineData(new[] { "--prompt", "Be kind.", "--decay", "4", "--check", "{nope" }, "--check is not JSON")]
    [InlineData(new[] { "--prompt", "Be kind.", "--decay", "4", "--check", """{"kind": "vibes"}""" }, "unknown check kind 'vibes'")]
    [InlineData(new[] { "--decay", "4" }, "--decay needs --prompt")]
    [InlineData(new[] { "--kl" }, "--kl needs --prompt")]
    [InlineData(new[] { "--prompt", Pirate, "--check", """{"kind": "contains", "value": "arr"}""" }, "go with --decay")]
    public void WhatCannotBeMeasuredIsOneLineAndExitTwo(string[] options, string expected)
    {
        var (code, _, err) = CliRunner.Run(["eval", "--model", RepoPaths.Starter, "--suite", "retention", .. options]);

        Assert.Equal(2, code);
        Assert.Contains(expected, err);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public void KlAddsBothMeansTheRatioAndAHistogramToTheRun()
    {
        var json = Path.Combine(Fixture.TempDir(), "kl.json");

        var (code, output, err) = CliRunner.Run("eval", "--model", RepoPaths.Starter, "--adapter", Adapter, "--suite", "retention",
            "--prompt", Pirate, "--conditions", "prompted,model", "--limit", "8", "--kl", "--json", json);

        Assert.True(code == 0, err);
        Assert.Contains("KL(prompted", output);
        var run = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal(2, run["conditions"]!.AsArray().Count);
        var kl = run["kl"]!;
        Assert.Equal(8, (int)kl["queries"]!);
        Assert.Equal(8, kl["items"]!.AsArray().Count);
        Assert.Equal(8, (int)kl["model"]!["n"]!);
        Assert.True((double)kl["model"]!["low"]! <= (double)kl["model"]!["value"]! && (double)kl["model"]!["value"]! <= (double)kl["model"]!["high"]!);
        Assert.Equal((double)kl["model"]!["value"]! / (double)kl["base"]!["value"]!, (double)kl["ratio"]!, 4);
        var histogram = kl["histogram"]!;
        var bins = histogram["edges"]!.AsArray().Count + 1;
        Assert.Equal(bins, histogram["model"]!.AsArray().Count);
        Assert.Equal(bins, histogram["base"]!.AsArray().Count);
        Assert.Equal((int)kl["tokens"]!, histogram["model"]!.AsArray().Sum(c => (int)c!));
        Assert.Equal((int)kl["tokens"]!, histogram["base"]!.AsArray().Sum(c => (int)c!));
    }
}
