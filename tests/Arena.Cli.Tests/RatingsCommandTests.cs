using System.Text.Json;
using Arena.Core.Battles;
using Arena.Core.Ratings;
using Arena.Core.Tests.Ratings;

namespace Arena.Cli.Tests;

[Collection("cli")]
public sealed class RatingsCommandTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("arena-ratings-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    string Write(string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void RatingsPrintsATableWithTheGoldenValues()
    {
        var file = Write("golden.jsonl", CleanBattleWriter.Format(B.Golden()));
        var (code, stdout, stderr) = CliRunner.Run("ratings", "--battles", file, "--bootstrap", "10");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        var rows = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("4 battles, 2 models", rows[0]);
        Assert.Contains("rank", rows[1]);
        Assert.Matches(@"^\s+1\s+A\s+1044\.37\s+\S+\s+\S+\s+1001\.91\s+4\s+62\.5%$", rows[2]);
        Assert.Matches(@"^\s+\d\s+B\s+955\.63\s+\S+\s+\S+\s+998\.09\s+4\s+37\.5%$", rows[3]);
    }

    [Fact]
    public void RatingsAsJsonCarriesEveryColumnAndIsReproducibleWithASeed()
    {
        var battles = SyntheticBattles.Generate(models: 5, battles: 500, seed: 2).Battles;
        var file = Write("votes.json", CleanBattleWriter.Format(battles, BattleFileLayout.Array));
        string Models() // computed_at differs between runs; everything else must not
        {
            var (code, stdout, _) = CliRunner.Run("ratings", "--battles", file, "--format", "json", "--bootstrap", "30", "--seed", "4");
            Assert.Equal(0, code);
            return JsonDocument.Parse(stdout).RootElement.GetProperty("models").GetRawText();
        }
        var first = Models();
        Assert.Equal(first, Models());
        var row = JsonDocument.Parse(first).RootElement[0];
        foreach (var field in new[] { "model", "rank", "rating", "ci_low", "ci_high", "elo", "battles", "win_rate" })
            Assert.True(row.TryGetProperty(field, out _), $"no {field}");
    }

    [Fact]
    public void NamedBattlesAreLeftOutUnlessAskedAsFastChatDoes()
    {
        var blind = B.Golden();
        // A named judge who always picks "C" over A: counted, C would lead the table.
        var named = Enumerable.Range(0, 6).Select(i => new Battle("C", "A", Winner.ModelA, 100 + i, anonymous: false));
        var file = Write("mixed.jsonl", CleanBattleWriter.Format([.. blind, .. named]));

        var (code, stdout, stderr) = CliRunner.Run("ratings", "--battles", file, "--bootstrap", "10");
        Assert.True(code == 0, stderr);
        Assert.StartsWith("4 battles, 2 models", stdout);
        Assert.Contains("left out 6 named (non-anonymous) battles", stderr);

        var (all, withNamed, _) = CliRunner.Run("ratings", "--battles", file, "--bootstrap", "10", "--include-named");
        Assert.Equal(0, all);
        Assert.StartsWith("10 battles, 3 models", withNamed);
    }

    [Fact]
    public void AMalformedBattleFileIsOneLineOnStderrWithExitCode2()
    {
        var file = Write("bad.jsonl", "{\"model_a\": \"a\", \"model_b\": \"b\", \"winner\": \"tie\", \"tstamp\": 1}\n{\"model_a\": \"a\", \"model_b\": \"b\", \"winner\": \"draw\", \"tstamp\": 2}\n");
        var (code, stdout, stderr) = CliRunner.Run("ratings", "--battles", file);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal($"error: {file} line 2: unknown winner 'draw' (expected model_a, model_b, tie or tie (bothbad))", stderr.TrimEnd());
    }

    [Theory]
    [InlineData("--format", "csv")]
    [InlineData("--bootstrap", "-1")]
    [InlineData("--colour", "red")]
    public void BadOptionsAreUsageErrors(string option, string value)
    {
        var file = Write("ok.jsonl", CleanBattleWriter.Format(B.Golden()));
        var (code, _, stderr) = CliRunner.Run("ratings", "--battles", file, option, value);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", stderr);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void AMissingFileAndAnEmptyFileAreErrors()
    {
        Assert.Equal(2, CliRunner.Run("ratings", "--battles", Path.Combine(dir, "nope.jsonl")).Code);
        var (code, _, stderr) = CliRunner.Run("ratings", "--battles", Write("empty.jsonl", "\n"));
        Assert.Equal(2, code);
        Assert.Contains("no battles", stderr);
    }

    [Fact]
    public void TheBenchmarkRunsOnASmallSyntheticField()
    {
        var (code, stdout, _) = CliRunner.Run("ratings", "--bench-battles", "2000", "--bench-models", "6", "--bootstrap", "5");
        Assert.Equal(0, code);
        Assert.Contains("| Bradley–Terry fit |", stdout);
        Assert.Contains("Spearman", stdout);
    }
}
