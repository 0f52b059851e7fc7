using Arena.Engine.Tests;

namespace Arena.Cli.Tests;

[Collection("cli")]
public class GenerateCommandTests
{
    [Fact]
    public void GenerateStreamsTextAndIsReproducibleWithASeed()
    {
        var dir = Fixture.ChatModelDir();
        string[] args = ["generate", "--model", dir, "--prompt", "Hello there", "--system", "Be brief.", "--max-tokens", "20", "--temperature", "1.0", "--seed", "5"];
        var a = CliRunner.Run(args);
        var b = CliRunner.Run(args);
        Assert.True(a.Code == 0, a.Err);
        Assert.False(string.IsNullOrWhiteSpace(a.Out));
        Assert.Equal(a.Out, b.Out);
    }

    [Theory]
    [InlineData("--temperature", "-1")]
    [InlineData("--max-tokens", "0")]
    [InlineData("--top-p", "2")]
    [InlineData("--device", "tpu")]
    [InlineData("--dtype", "int4")]
    public void AbsurdSamplingSettingsAreUsageErrors(string option, string value)
    {
        var (code, _, err) = CliRunner.Run("generate", "--model", Fixture.ChatModelDir(), "--prompt", "hi", option, value);
        Assert.Equal(2, code);
        Assert.Contains(option.TrimStart('-'), err);
    }

    [Fact]
    public void PromptBeyondTheContextIsRefused()
    {
        var (code, _, err) = CliRunner.Run("generate", "--model", Fixture.ChatModelDir(), "--prompt", string.Join(" ", Enumerable.Repeat("word", 400)));
        Assert.Equal(2, code);
        Assert.Contains("context", err);
    }
}
