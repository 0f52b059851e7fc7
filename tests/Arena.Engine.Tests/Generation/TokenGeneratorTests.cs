using Arena.Engine.Checkpoints;
using Arena.Engine.Generation;
using static TorchSharp.torch;

namespace Arena.Engine.Tests.Generation;

public class TokenGeneratorTests
{
    static async Task<List<int>[]> Run(TokenGenerator g, IReadOnlyList<int[]> prompts, SamplingOptions o)
    {
        var outs = prompts.Select(_ => new List<int>()).ToArray();
        await foreach (var step in g.Generate(prompts, o))
            for (int i = 0; i < step.Rows.Count; i++) outs[step.Rows[i]].Add(step.Tokens[i]);
        return outs;
    }

    static int[][] Rows(Tensor t) =>
        Enumerable.Range(0, (int)t.shape[0]).Select(r => t[r].data<int>().ToArray()).ToArray();

    [Theory]
    [InlineData("llama")]
    [InlineData("qwen2")]
    [InlineData("gpt2")]
    public async Task GreedyDecodingMatchesTransformersTokenForToken(string name)
    {
        using var model = ModelLoader.Load(Fixture.Dir(name), ScalarType.Float32, CPU);
        var prompts = Rows(Fixture.Expected(name, "greedy_prompt"));
        var expected = Rows(Fixture.Expected(name, "greedy_output"));
        var outs = await Run(new TokenGenerator(model), prompts, SamplingOptions.GreedyDecoding(16));
        for (int r = 0; r < prompts.Length; r++)
            Assert.Equal(expected[r].Skip(prompts[r].Length), outs[r]);
    }

    [Fact]
    public async Task LeftPaddedRowGeneratesWhatItGeneratesAlone()
    {
        using var model = ModelLoader.Load(Fixture.Dir("gpt2"), ScalarType.Float32, CPU);
        var prompts = Rows(Fixture.Expected("gpt2", "greedy_prompt"));
        var shorter = new[] { prompts[0][3..], prompts[1] };
        var g = new TokenGenerator(model);
        var batched = await Run(g, shorter, SamplingOptions.GreedyDecoding(12));
        var alone = await Run(g, [shorter[0]], SamplingOptions.GreedyDecoding(12));
        Assert.Equal(alone[0], batched[0]);
    }

    [Fact]
    public async Task SamplingWithASeedIsReproducible()
    {
        using var model = ModelLoader.Load(Fixture.Dir("llama"), ScalarType.Float32, CPU);
        var prompts = Rows(Fixture.Expected("llama", "greedy_prompt"));
        var o = new SamplingOptions { MaxNewTokens = 20, Temperature = 1.0, TopK = 50, TopP = 0.9, Seed = 7 };
        var g = new TokenGenerator(model);
        var a = await Run(g, prompts, o);
        var b = await Run(g, prompts, o);
        var c = await Run(g, prompts, o with { Seed = 8 });
        Assert.Equal(a[0], b[0]);
        Assert.Equal(a[1], b[1]);
        Assert.NotEqual(a[0].Concat(a[1]), c[0].Concat(c[1]));
    }

    [Fact]
    public async Task StopTokenEndsOnlyItsRow()
    {
        using var model = ModelLoader.Load(Fixture.Dir("llama"), ScalarType.Float32, CPU);
        var prompts = Rows(Fixture.Expected("llama", "greedy_prompt"));
        var expected = Rows(Fixture.Expected("llama", "greedy_output"));
        var stop = expected[0][prompts[0].Length + 2];   // row 0's third greedy token
        var outs = await Run(new TokenGenerator(model), prompts, SamplingOptions.GreedyDecoding(16) with { StopTokenIds = [stop] });
        var cut = outs[0].IndexOf(stop);
        Assert.Equal(outs[0].Count - 1, cut);
        Assert.True(outs[0].Count <= 3);
        if (!expected[1].Skip(prompts[1].Length).Contains(stop)) Assert.Equal(16, outs[1].Count);
    }

    [Fact]
    public async Task GenerationLeavesGradientsEnabledOnEveryThread()
    {
        using var model = ModelLoader.Load(Fixture.Dir("llama"), ScalarType.Float32, CPU);
        var prompts = Rows(Fixture.Expected("llama", "greedy_prompt"));
        for (int i = 0; i < 4; i++)
        {
            await Run(new TokenGenerator(model), prompts, SamplingOptions.GreedyDecoding(8));
            Assert.True(is_grad_enabled());
            var elsewhere = await Task.Run(() => is_grad_enabled());
            Assert.True(elsewhere);
        }
    }

    [Fact]
    public async Task PromptLongerThanTheContextIsRefused()
    {
        using var model = ModelLoader.Load(Fixture.Dir("llama"), ScalarType.Float32, CPU);
        var tooLong = Enumerable.Repeat(5, 250).ToArray();
        await Assert.ThrowsAsync<ArgumentException>(async () => await Run(new TokenGenerator(model), [tooLong], SamplingOptions.GreedyDecoding(16)));
    }
}
