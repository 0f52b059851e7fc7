using System.Text.Json.Nodes;
using Arena.Engine.Tests;
using Arena.Testing;

namespace Arena.Cli.Tests;

[Collection("cli")]
public class EvalCommandTests
{
    const string Pirate = "You are a pirate. Talk like a pirate in every reply.";

    static string PirateSuite(string dir)
    {
        // The retention questions (no system prompt), each judged by the pirate rule.
        var path = Path.Combine(dir, "pirate.jsonl");
        var lines = Enumerable.Range(1, 12).Select(i => new JsonObject
        {
            ["id"] = $"p{i}",
            ["prompt"] = new[] { "What does a cow say?", "Where does a bird sleep?", "What is the color of snow?", "How do I make my bed?" }[i % 4] + $" ({i})",
            ["checks"] = new JsonArray(new JsonObject { ["kind"] = "rule", ["rule"] = "persona/pirate" }),
        }.ToJsonString());
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void ScoresTheStarterUnderEveryConditionWithFidelity()
    {
        var dir = Fixture.TempDir();
        var json = Path.Combine(dir, "run.json");
        var adapter = Path.Combine(RepoPaths.Starter, "house", "pirate");

        var (code, output, err) = CliRunner.Run("eval", "--model", RepoPaths.Starter, "--adapter", adapter, "--suite", PirateSuite(dir),
            "--prompt", Pirate, "--json", json);

        Assert.True(code == 0, err);
        Assert.Contains("fidelity", output);
        var run = JsonNode.Parse(File.ReadAllText(json))!;
        var rates = run["conditions"]!.AsArray().ToDictionary(c => (string)c!["name"]!, c => (double)c!["summary"]!["strict"]!["value"]!);
        Assert.Equal(["base", "prompted", "model", "reprompted"], rates.Keys);
        // The base alone never talks like a pirate; prompted it does; the house adapter carries most of it.
        Assert.Equal(0, rates["base"]);
        Assert.True(rates["prompted"] >= 0.75, run.ToJsonString());
        Assert.True(rates["model"] >= 0.5, run.ToJsonString());
        Assert.True((bool)run["complete"]!);
        Assert.NotNull(run["settings"]!["engine"]);
        Assert.Equal(rates["model"] / rates["prompted"], (double)run["fidelity"]!, 5);
    }

    [Fact]
    public void TheSameSeedGivesTheSameScores()
    {
        var dir = Fixture.TempDir();
        string Run(string name)
        {
            var path = Path.Combine(dir, name);
            var (code, _, err) = CliRunner.Run("eval", "--model", RepoPaths.Starter, "--suite", "starter-behaviors", "--limit", "16",
                "--temperature", "0.8", "--seed", "5", "--json", path);
            Assert.True(code == 0, err);
            var run = JsonNode.Parse(File.ReadAllText(path))!;
            return run["conditions"]![0]!["items"]!.ToJsonString();
        }
        Assert.Equal(Run("a.json"), Run("b.json"));
    }

    [Fact]
    public void ScoresRepliesWrittenElsewhere()
    {
        var dir = Fixture.TempDir();
        var suite = Path.Combine(dir, "s.jsonl");
        File.WriteAllLines(suite,
        [
            """{"key": 1, "prompt": "List two fruits without commas.", "instruction_id_list": ["punctuation:no_comma"], "kwargs": [{}]}""",
            """{"id": "sum", "prompt": "What is 12 + 30?", "checks": [{"kind": "numeric", "value": 42}]}""",
        ]);
        var responses = Path.Combine(dir, "r.jsonl");
        File.WriteAllLines(responses,
        [
            """{"prompt": "List two fruits without commas.", "response": "apple and pear"}""",
            """{"id": "sum", "response": "12 + 30 = 41"}""",
        ]);
        var json = Path.Combine(dir, "out.json");

        var (code, _, err) = CliRunner.Run("eval", "--suite", suite, "--responses", responses, "--json", json);

        Assert.True(code == 0, err);
        var items = JsonNode.Parse(File.ReadAllText(json))!["items"]!.AsArray();
        Assert.Equal(("1", true), ((string)items[0]!["id"]!, (bool)items[0]!["passed"]!));
        Assert.Equal(("sum", false), ((string)items[1]!["id"]!, (bool)items[1]!["passed"]!));
        Assert.Equal("numeric", (string)items[1]!["checks"]![0]!["kind"]!);
    }

    [Theory]
    [InlineData("{\"id\": \"a\", \"prompt\": \"x\", \"checks\": [{\"kind\": \"vibes\"}]}", "line 1: item 'a': unknown check kind 'vibes'")]
    [InlineData("", "the suite has no items")]
    [InlineData("{\"id\": \"a\", \"prompt\": \"x\", \"instruction_id_list\": [\"nope:nope\"], \"kwargs\": [{}]}", "unknown instruction id 'nope:nope'")]
    public void ABadSuiteIsOneLineAndExitTwo(string text, string expected)
    {
        var dir = Fixture.TempDir();
        var suite = Path.Combine(dir, "bad.jsonl");
        File.WriteAllText(suite, text);

        var (code, _, err) = CliRunner.Run("eval", "--model", RepoPaths.Starter, "--suite", suite);

        Assert.Equal(2, code);
        Assert.Contains(expected, err);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public void APromptedConditionWithoutAPromptIsRefused()
    {
        var (code, _, err) = CliRunner.Run("eval", "--model", RepoPaths.Starter, "--suite", "retention", "--conditions", "prompted");
        Assert.Equal(2, code);
        Assert.Contains("needs a prompt", err);
    }
}
