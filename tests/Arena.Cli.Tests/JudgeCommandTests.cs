using System.Text.Json.Nodes;
using Arena.Engine.Tests;
using Arena.Testing;

namespace Arena.Cli.Tests;

[Collection("cli")]
public class JudgeCommandTests
{
    static string Pirate => Path.Combine(RepoPaths.Starter, "house", "pirate");
    static string Caps => Path.Combine(RepoPaths.Starter, "house", "caps");

    static string PirateSuite(string dir)
    {
        // Everyday questions, each judged by the pirate rule: the rule judge should crown the pirate adapter.
        var path = Path.Combine(dir, "pirate.jsonl");
        string[] questions =
        [
            "What does a cow say?", "Where does a bird sleep?", "What is the color of snow?", "How do I make my bed?",
            "What do cats like to eat?", "Why is the sky blue?", "How do I wash my hands?", "What is a good breakfast?",
        ];
        File.WriteAllLines(path, questions.Select((q, i) => new JsonObject
        {
            ["id"] = $"p{i + 1}",
            ["prompt"] = q,
            ["checks"] = new JsonArray(new JsonObject { ["kind"] = "rule", ["rule"] = "persona/pirate" }),
        }.ToJsonString()));
        return path;
    }

    [Fact]
    public void TheRuleJudgeRanksThePirateFirstOnAPirateSuite()
    {
        var dir = Fixture.TempDir();
        var json = Path.Combine(dir, "judge.json");

        var (code, output, err) = CliRunner.Run("judge", "--model", RepoPaths.Starter, "--contestant", "base=base",
            "--contestant", $"pirate={Pirate}", "--contestant", $"caps={Caps}", "--suite", PirateSuite(dir), "--judge", "rule",
            "--max-tokens", "64", "--json", json);

        Assert.True(code == 0, err);
        Assert.Contains("automatic leaderboard", output);
        var run = JsonNode.Parse(File.ReadAllText(json))!;
        var rows = run["leaderboard"]!["rows"]!.AsArray();
        Assert.Equal("pirate", (string)rows[0]!["model"]!);
        Assert.Equal(1, (int)rows[0]!["rank"]!);
        Assert.True((double)rows[0]!["rating"]! > (double)rows[1]!["rating"]!, run.ToJsonString());
        // Three pairs, eight items each; the rule judge sees only checks, so it never contradicts itself.
        Assert.Equal(24, (int)run["battle_count"]!);
        Assert.Equal(24, (int)run["leaderboard"]!["battles"]!);
        Assert.Equal(0, (int)run["inconsistent"]!);
        Assert.Equal(0, (int)run["unparsed"]!);
        Assert.Equal(3, run["pairs"]!.AsArray().Count);
        Assert.Equal(["base", "pirate", "caps"], run["contestants"]!.AsArray().Select(c => (string)c!));
        Assert.Equal("rule", (string)run["judge"]!);
        Assert.True((bool)run["complete"]!);
        var battle = run["battles"]![0]!;
        Assert.Equal(["item", "model_a", "model_b", "winner", "consistent", "first", "second"], battle.AsObject().Select(p => p.Key));
        Assert.Contains("checks", (string)battle["first"]!["reason"]!);
        foreach (var row in rows)
        {
            var r = row!;
            Assert.Equal(16, (int)r["wins"]! + (int)r["ties"]! + (int)r["losses"]!);
            Assert.InRange((double)r["rating"]!, (double)r["ci_low"]!, (double)r["ci_high"]!);
        }
    }

    [Fact]
    public void AJudgeThatIsAlsoAContestantIsRefused()
    {
        var dir = Fixture.TempDir();
        // The same stack spelled two ways (a trailing slash) is still the same model.
        var (code, _, err) = CliRunner.Run("judge", "--model", RepoPaths.Starter, "--contestant", "base=base",
            "--contestant", $"pirate={Pirate}", "--suite", PirateSuite(dir), "--judge", $"{RepoPaths.Starter}/:{Pirate}");

        Assert.Equal(2, code);
        Assert.Contains("the judge is also contestant 'pirate'", err);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public void OneContestantIsRefused()
    {
        var (code, _, err) = CliRunner.Run("judge", "--model", RepoPaths.Starter, "--contestant", "base=base", "--suite", "starter-behaviors");
        Assert.Equal(2, code);
        Assert.Contains("at least two contestants", err);
    }

    [Fact]
    public void ABadSuiteIsOneLineAndExitTwo()
    {
        var dir = Fixture.TempDir();
        var suite = Path.Combine(dir, "bad.jsonl");
        File.WriteAllText(suite, """{"id": "a", "prompt": "x", "checks": [{"kind": "vibes"}]}""");

        var (code, _, err) = CliRunner.Run("judge", "--model", RepoPaths.Starter, "--contestant", "base=base",
            "--contestant", $"pirate={Pirate}", "--suite", suite);

        Assert.Equal(2, code);
        Assert.Contains("unknown check kind 'vibes'", err);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("pirate", "must be NAME=ADAPTER")]
    [InlineData("=base", "must be NAME=ADAPTER")]
    public void AMalformedContestantIsRefused(string contestant, string expected)
    {
        var (code, _, err) = CliRunner.Run("judge", "--model", RepoPaths.Starter, "--contestant", "base=base",
            "--contestant", contestant, "--suite", "starter-behaviors");
        Assert.Equal(2, code);
        Assert.Contains(expected, err);
    }
}
