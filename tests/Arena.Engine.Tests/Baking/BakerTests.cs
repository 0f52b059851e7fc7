using Arena.Contracts.Bakes;
using Arena.Engine.Baking;
using Arena.Engine.Lora;
using Arena.Engine.Tests.Generation;
using static TorchSharp.torch;

namespace Arena.Engine.Tests.Baking;

/// <summary>Baking on the tiny llama fixture (random weights, ChatML tokenizer): the mechanics, not behaviour.</summary>
public class BakerTests
{
    static readonly BakeRecipe Small = new()
    {
        Prompt = "Always answer like a pirate.",
        Queries = ["How are you?", "What is the sea?", "Tell me about ships.", "Where is the gold?", "What do you eat?"],
        TrajectoriesPerQuery = 2,
        MaxTokens = 12,
        Rank = 4,
        Alpha = 8,
        LearningRate = 5e-3,
        Epochs = 3,
        BatchSize = 4,
        HeldOutFraction = 0.2,
    };

    [Fact]
    public async Task BakingLowersHeldOutKlAndKeepsTheBaseFrozen()
    {
        using var lm = LanguageModel.Load(Fixture.ChatModelDir(), ScalarType.Float32, CPU);
        var before = lm.Model.named_parameters().ToDictionary(p => p.name, p => p.parameter.clone());
        var progress = new List<BakeProgress>();
        using var result = await new Baker(lm.Model, lm.Tokenizer) { Progress = progress.Add }.Bake(Small, ["fixture"]);
        var r = result.Report;
        Assert.True(r.KlPromptedVsBaked < r.KlPromptedVsParent, $"baked {r.KlPromptedVsBaked} vs parent {r.KlPromptedVsParent}");
        Assert.Equal(3, r.Epochs.Count);
        Assert.Contains(progress, p => p.Phase == BakePhase.Sampling);
        Assert.Contains(progress, p => p.Phase == BakePhase.Training && p.Kl is not null);
        Assert.Equal(BakePhase.Done, progress[^1].Phase);
        foreach (var (name, p) in lm.Model.named_parameters())
            Assert.True(p.eq(before[name]).all().item<bool>(), $"base weight {name} changed");
        Assert.Empty(lm.Model.AttachedAdapters());
        Assert.Equal(2, result.Checkpoints.Count);
    }

    [Fact]
    public async Task OneStepLowersKlAndGradientReachesOnlyTheAdapter()
    {
        using var lm = LanguageModel.Load(Fixture.ChatModelDir(), ScalarType.Float32, CPU);
        var sampler = new TrajectorySampler(lm.Model, lm.Tokenizer);
        var (trajs, _) = await sampler.Sample(Small.Prompt, Small.Queries.Select(q => (q, false)).ToList(), Small, null, default);
        using var adapter = lm.Model.CreateAdapter("t", new LoraConfig(4, 8, BakeRecipe.DefaultTargets), 1);
        lm.Model.Attach(adapter);
        var init = new Generator(11);
        foreach (var (_, b) in adapter.Weights.Values) { using var _ = no_grad(); b.normal_(0, 0.01, generator: init); }  // B ≠ 0 so A gets gradient too
        using var teachers = new SequenceBatch(trajs.Select(t => (t.TeacherPrompt, t.Reply)).ToList(), CPU);
        using var students = new SequenceBatch(trajs.Select(t => (t.StudentPrompt, t.Reply)).ToList(), CPU);
        lm.Model.SetEnabled("t", false);
        using var targets = TeacherTargets.Compute(lm.Model, teachers, KlMode.Full);
        lm.Model.SetEnabled("t", true);

        double Kl()
        {
            using var _ = no_grad();
            using var logp = TeacherTargets.GatherLogits(lm.Model, students).log_softmax(-1);
            return targets.Kl(logp).mean().item<float>();
        }
        var before = Kl();
        // Adam's first step moves every weight by ≈ lr against the sign of its gradient: a descent direction, so a small one must lower KL.
        using var opt = optim.Adam(adapter.Parameters().Cast<TorchSharp.Modules.Parameter>(), 1e-4);
        using (var logp = TeacherTargets.GatherLogits(lm.Model, students).log_softmax(-1))
        using (var loss = targets.Kl(logp).mean())
            loss.backward();
        foreach (var (name, p) in lm.Model.named_parameters()) Assert.True(p.grad is null, $"{name} got a gradient");
        Assert.All(adapter.Parameters(), p => Assert.True(p.grad is not null && p.grad.abs().sum().item<float>() > 0));
        opt.step();
        Assert.True(Kl() < before);
    }

    [Theory]
    [InlineData(0, 0.0001, "rank")]
    [InlineData(65, 0.0001, "rank")]
    [InlineData(4, 0.0, "learning rate")]
    [InlineData(4, 2.0, "learning rate")]
    public async Task AbsurdHyperparametersAreRefused(int rank, double lr, string named)
    {
        using var lm = LanguageModel.Load(Fixture.ChatModelDir(), ScalarType.Float32, CPU);
        var e = await Assert.ThrowsAsync<ArgumentException>(() => new Baker(lm.Model, lm.Tokenizer).Bake(Small with { Rank = rank, LearningRate = lr }, []));
        Assert.Contains(named, e.Message);
    }

    public static TheoryData<string, double, string> OutOfBoundsRecipes => new()
    {
        { "trajectories", 0, "trajectories per query" },
        { "trajectories", 65, "trajectories per query" },
        { "tokens", 0, "max tokens" },
        { "tokens", 4096, "max tokens" },
        { "epochs", 0, "epochs" },
        { "epochs", 1000, "epochs" },
        { "batch", 0, "batch size" },
        { "temperature", 0, "temperature" },
        { "top-p", 1.5, "top-p" },
        { "alpha", -1, "alpha" },
        { "total", 400, "exceeds the limit" },
    };

    [Theory]
    [MemberData(nameof(OutOfBoundsRecipes))]
    public async Task SettingsBeyondTheirLimitsAreRefusedBeforeAnyWork(string setting, double value, string named)
    {
        using var lm = LanguageModel.Load(Fixture.ChatModelDir(), ScalarType.Float32, CPU);
        var recipe = setting switch
        {
            "trajectories" => Small with { TrajectoriesPerQuery = (int)value },
            "tokens" => Small with { MaxTokens = (int)value },
            "epochs" => Small with { Epochs = (int)value },
            "batch" => Small with { BatchSize = (int)value },
            "temperature" => Small with { Temperature = value },
            "top-p" => Small with { TopP = value },
            "alpha" => Small with { Alpha = value },
            // Each setting within its own bound, the product over the limit: 400 queries × 64 = 25,600 trajectories.
            _ => Small with { Queries = [.. Enumerable.Range(0, (int)value).Select(i => $"Question number {i}?")], TrajectoriesPerQuery = 64 },
        };
        var progress = new List<BakeProgress>();
        var baker = new Baker(lm.Model, lm.Tokenizer) { Progress = progress.Add };
        var e = await Assert.ThrowsAsync<ArgumentException>(() => baker.Bake(recipe, []));
        Assert.Contains(named, e.Message);
        Assert.DoesNotContain(progress, p => p.Phase is BakePhase.Sampling or BakePhase.Training);
    }

    [Fact]
    public async Task NonFiniteLossStopsTheBakeAndKeepsTheLastGoodAdapter()
    {
        using var lm = LanguageModel.Load(Fixture.ChatModelDir(), ScalarType.Float32, CPU);
        var norm = lm.Model.named_parameters().Single(p => p.name == "model.norm.weight").parameter;
        // A fault in the middle of epoch 2 (2 steps an epoch): the student's logits turn NaN, as after an overflow.
        // The teacher's targets were cached in epoch 1, so only the loss sees it, as in a real divergence.
        var baker = new Baker(lm.Model, lm.Tokenizer)
        {
            Progress = p =>
            {
                if (p.Phase == BakePhase.Training && p.Step == 3)
                    using (no_grad()) norm.fill_(float.NaN);
            },
        };
        var e = await Assert.ThrowsAsync<BakeException>(() => baker.Bake(Small, []));
        Assert.Contains("non-finite", e.Message);
        Assert.NotNull(e.LastGood);
        using var kept = e.LastGood;
        Assert.All(kept.Parameters(), t => Assert.True(t.isfinite().all().item<bool>(), "the kept adapter holds non-finite weights"));
        Assert.Contains(kept.Weights.Values, w => w.B.abs().sum().item<float>() > 0);  // trained, not the zero-initialised B
        Assert.Empty(lm.Model.AttachedAdapters());  // the failed adapter was detached
    }

    [Fact]
    public async Task StudentRolloutsTrainOnTheStudentsOwnRepliesDeterministically()
    {
        using var lm = LanguageModel.Load(Fixture.ChatModelDir(), ScalarType.Float32, CPU);
        // 4 training queries × 2 replies = 2 batches of 4; half of them on-policy in epochs 2 and 3: 2 × 4 replies.
        var recipe = Small with { StudentRollouts = 0.5 };
        using var first = await new Baker(lm.Model, lm.Tokenizer).Bake(recipe, ["fixture"]);
        using var second = await new Baker(lm.Model, lm.Tokenizer).Bake(recipe, ["fixture"]);
        using var offPolicy = await new Baker(lm.Model, lm.Tokenizer).Bake(Small, ["fixture"]);
        var r = first.Report;
        Assert.Equal(8, r.StudentRollouts);
        Assert.Equal(0, offPolicy.Report.StudentRollouts);
        Assert.True(r.KlPromptedVsBaked < r.KlPromptedVsParent, $"baked {r.KlPromptedVsBaked} vs parent {r.KlPromptedVsParent}");
        bool Same(BakeResult x, BakeResult y) => x.Adapter.Weights.All(kv =>
            kv.Value.A.eq(y.Adapter.Weights[kv.Key].A).all().item<bool>() && kv.Value.B.eq(y.Adapter.Weights[kv.Key].B).all().item<bool>());
        Assert.True(Same(first, second), "the same seed gave different adapters");
        Assert.False(Same(first, offPolicy), "student rollouts changed nothing");
        var e = await Assert.ThrowsAsync<ArgumentException>(() => new Baker(lm.Model, lm.Tokenizer).Bake(Small with { StudentRollouts = 1.5 }, []));
        Assert.Contains("student-rollout", e.Message);
    }

    [Fact]
    public async Task EmptyAndOversizePromptsAreRefused()
    {
        using var lm = LanguageModel.Load(Fixture.ChatModelDir(), ScalarType.Float32, CPU);
        var baker = new Baker(lm.Model, lm.Tokenizer);
        await Assert.ThrowsAsync<ArgumentException>(() => baker.Bake(Small with { Prompt = "  " }, []));
        var e = await Assert.ThrowsAsync<ArgumentException>(() => baker.Bake(Small with { Prompt = string.Join(" ", Enumerable.Repeat("arr", 900)) }, []));
        Assert.Contains("context", e.Message);
    }
}
