using Arena.Engine.Generation;
using Arena.Engine.Tokenization;
using static TorchSharp.torch;

namespace Arena.Engine.Tests.Generation;

/// <summary>Text streaming on the llama fixture's weights paired with a ChatML byte-level tokenizer.</summary>
public class TextGeneratorTests
{
    static readonly List<ChatMessage> Chat = [ChatMessage.System("Speak like a pirate."), ChatMessage.User("How are you today?")];

    static async Task<(string Text, List<TextDelta> Deltas)> Stream(LanguageModel lm, SamplingOptions o)
    {
        var deltas = new List<TextDelta>();
        await foreach (var d in lm.Generator().Chat([Chat], o)) deltas.Add(d);
        return (string.Concat(deltas.Select(d => d.Text)), deltas);
    }

    [Fact]
    public async Task StreamedDeltasConcatenateToTheDecodedTokens()
    {
        using var lm = LanguageModel.Load(Fixture.ChatModelDir(), ScalarType.Float32, CPU);
        var prompt = lm.Generator().Encode(Chat);
        var tokens = new List<int>();
        await foreach (var s in new TokenGenerator(lm.Model).Generate([prompt], SamplingOptions.GreedyDecoding(24) with { StopTokenIds = lm.Tokenizer.StopIds }))
            tokens.Add(s.Tokens[0]);
        var (text, deltas) = await Stream(lm, SamplingOptions.GreedyDecoding(24));
        Assert.Equal(lm.Tokenizer.Decode(tokens.Where(t => !lm.Tokenizer.StopIds.Contains(t)), skipSpecial: true), text);
        Assert.True(deltas[^1].Finished);
        Assert.Single(deltas, d => d.Finished);
    }

    [Fact]
    public async Task StopStringEndsTheReplyBeforeIt()
    {
        using var lm = LanguageModel.Load(Fixture.ChatModelDir(), ScalarType.Float32, CPU);
        var (full, _) = await Stream(lm, SamplingOptions.GreedyDecoding(40));
        Assert.True(full.Length > 6, "the random model should say something");
        var stop = full.Substring(full.Length / 2, 3);
        var (cut, deltas) = await Stream(lm, SamplingOptions.GreedyDecoding(40) with { StopStrings = [stop] });
        Assert.Equal(full[..full.IndexOf(stop, StringComparison.Ordinal)], cut);
        Assert.Equal(FinishReason.Stop, deltas[^1].Finish);
    }

    [Fact]
    public void StopStringFilterHoldsBackPartialMatches()
    {
        var f = new StopStringFilter(["<END>"]);
        Assert.Equal(("abc", false), f.Push("abc<E"));
        Assert.Equal(("<Ex", false), f.Push("x"));
        Assert.Equal(("yz", true), f.Push("yz<END>more"));
    }
}
