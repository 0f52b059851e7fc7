using Arena.Engine.Evaluation;
using Arena.Evaluation.Kl;
using Arena.Testing;
using static TorchSharp.torch;

namespace Arena.Engine.Tests.Evaluation;

/// <summary>KL fidelity on the real starter with the house pirate adapter: a bake of the pirate prompt.</summary>
public class PromptKlTests
{
    const string Pirate = "You are a pirate. Talk like a pirate in every reply.";

    // Everyday questions in the starter's world, worded apart from the house bake's queries.
    static readonly string[] Queries =
    [
        "What does a cow say?", "What is the color of grass?", "How many legs does a spider have?", "What is 4 plus 3?",
        "Where does a fish live?", "What food does a rabbit like?", "Is 12 an even or an odd number?", "How do I wash my hands?",
        "What do I need when it rains?", "What sound does a dog make?",
    ];

    static ModelStack Starter() => ModelStack.Load(RepoPaths.Starter, RepoPaths.StarterName,
        [new StackLayer(Path.Combine(RepoPaths.Starter, "house", "pirate"), 1.0, "house/pirate")], ScalarType.Float32, CPU);

    [Fact]
    public async Task TheBakedPirateIsCloserToThePromptedBaseThanTheBaseIs()
    {
        using var stack = Starter();
        var queries = await new PromptKl(stack).MeasureAsync(Pirate, Queries, seed: 3, maxNewTokens: 48);
        var kl = KlSummary.From(queries, seed: 3);

        Assert.Equal(Queries.Length, queries.Count);
        Assert.All(queries, q => Assert.Equal(q.Model.Count, q.Base.Count));
        Assert.True(kl.Model.Value < kl.Base.Value, $"KL to the model {kl.Model.Value:F3}, to the base {kl.Base.Value:F3}");
        Assert.True(kl.Ratio < 1, $"ratio {kl.Ratio}");
        Assert.Equal(kl.Tokens, kl.ModelHistogram.Total);
        Assert.Equal(kl.Tokens, kl.BaseHistogram.Total);
        Assert.True(kl.Tokens >= Queries.Length, $"{kl.Tokens} tokens");
    }

    [Fact]
    public async Task TheSameSeedGivesTheSameNumbers()
    {
        using var stack = Starter();
        var meter = new PromptKl(stack);
        var a = await meter.MeasureAsync(Pirate, Queries[..4], seed: 11, maxNewTokens: 32);
        var b = await meter.MeasureAsync(Pirate, Queries[..4], seed: 11, maxNewTokens: 32);

        Assert.Equal(a.Select(q => q.Reply), b.Select(q => q.Reply));
        Assert.Equal(a.SelectMany(q => q.Model), b.SelectMany(q => q.Model));
        Assert.Equal(a.SelectMany(q => q.Base), b.SelectMany(q => q.Base));
    }

    [Fact]
    public async Task MeasuringLeavesTheAdaptersOn()
    {
        using var stack = Starter();
        var encoded = stack.Language.Tokenizer.Encode("Where does a bird sleep?").Select(i => (long)i).ToArray();
        using var ids = tensor(encoded, [1, encoded.Length]);
        using var before = Logits(stack, ids);
        await new PromptKl(stack).MeasureAsync(Pirate, Queries[..2], seed: 1, maxNewTokens: 16);
        using var after = Logits(stack, ids);
        Assert.True(before.eq(after).all().item<bool>());
    }

    static Tensor Logits(ModelStack stack, Tensor ids)
    {
        using var noGrad = no_grad();
        return stack.Language.Model.Forward(ids, null);
    }
}
