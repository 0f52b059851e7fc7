using System.Text.Json.Nodes;
using Arena.Cli;
using Arena.Engine.Checkpoints;
using Arena.Starter.Build;

namespace Arena.Starter.Tests.Build;

/// <summary>
/// A tiny end-to-end build (1,200 steps: about four minutes on 2 cores, the same model however busy the machine; the world's
/// style share is small, so 350 steps taught no style at all): proves `arena starter build` still works and that
/// even a short training run makes the model follow system prompts far more often than it does unprompted.
/// </summary>
[Collection("starter-build")]
public class StarterBuildTests(TinyStarterFixture tiny) : IClassFixture<TinyStarterFixture>
{
    [Fact]
    public void TinyBuildWritesAHuggingFaceFolderTheEngineLoads()
    {
        foreach (var f in new[] { "config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json", "generation_config.json", "training-report.json" })
            Assert.True(File.Exists(Path.Combine(tiny.Dir, f)), $"{f} missing");
        using var lm = Engine.LanguageModel.Load(tiny.Dir, TorchSharp.torch.ScalarType.Float32, TorchSharp.torch.CPU);
        Assert.Equal("llama", lm.Model.Config.ModelType);
        Assert.Equal("template", lm.Tokenizer.Chat.Name); // its own chat_template (ChatML), rendered as written
        using var weights = new SafeTensorsFile(Path.Combine(tiny.Dir, "model.safetensors"));
        Assert.All(weights.Tensors.Values, t => Assert.Equal("BF16", t.DType));
        // The training dtype is the one asked for (the fixture's --dtype f32), not this machine's timing, and the report says so.
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(tiny.Dir, "training-report.json")))!;
        Assert.Equal("float32", report["training_dtype"]!.GetValue<string>());
    }

    [Fact]
    public void TinyBuildFollowsPromptsFarMoreThanItDoesUnprompted()
    {
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(tiny.Dir, "training-report.json")))!;
        var rows = report["adherence"]!.AsArray().Where(r => r!["family"]!.GetValue<string>() != "neutral").ToList();
        var prompted = rows.Average(r => r!["prompted"]!.GetValue<double>());
        var unprompted = rows.Average(r => r!["unprompted"]!.GetValue<double>());
        Assert.True(prompted >= unprompted + 0.10, $"prompted {prompted:P0} vs unprompted {unprompted:P0}");
        Assert.True(report["final_loss"]!.GetValue<double>() < 3.0);
    }

    [Fact]
    public async Task EvaluationGivesATurnThatOutgrowsTheContextTheRoomThatIsLeft()
    {
        // A chatty model's own replies can push a late turn past the context (a full build once died of it after
        // 17 minutes of training): such a turn gets a shorter reply, the other probes are unaffected.
        using var lm = Engine.LanguageModel.Load(tiny.Dir, TorchSharp.torch.ScalarType.Float32, TorchSharp.torch.CPU);
        var context = lm.Model.Config.MaxPositionEmbeddings;
        var question = "Why is the sky blue?";
        while (lm.Tokenizer.Encode(Arena.Starter.World.ChatMlFormatter.FormatPrompt("Talk like a pirate.", [question], [])).Length < context - 40)
            question = "Tell me about the weather, please. " + question;
        Arena.Starter.Behaviors.Probe Pirate(string user) => new(Arena.Starter.Behaviors.BehaviorCatalog.Pirate, "Talk like a pirate.", [user], [new Arena.Starter.Behaviors.BehaviorContext()], ["Arr."]);
        var suite = new Arena.Starter.Behaviors.EvaluationSuite([Pirate(question), Pirate("How many legs does a cat have?")]);
        var report = await BatchedEvaluation.Run(suite, new Engine.Generation.TextGenerator(lm.Model, lm.Tokenizer), lm.Tokenizer,
            Engine.Generation.SamplingOptions.GreedyDecoding(96));
        Assert.Equal(2, report.Rows.Single(r => $"{r.Family}/{r.Id}" == Arena.Starter.Behaviors.BehaviorCatalog.Pirate).N);
    }

    [Fact]
    public void BuildRefusesANonEmptyOutputWithoutForce()
    {
        var (code, err) = TinyStarterFixture.Run("starter", "build", "--out", tiny.Dir, "--minutes", "1");
        Assert.Equal(2, code);
        Assert.Contains("not empty", err);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public void BuildRefusesNonPositiveMinutes(string minutes)
    {
        var (code, err) = TinyStarterFixture.Run("starter", "build", "--out", Path.Combine(Path.GetTempPath(), "arena-never", Guid.NewGuid().ToString("N")), "--minutes", minutes);
        Assert.Equal(2, code);
        Assert.Contains("minutes", err);
    }

    [Fact]
    public void BuildRefusesATrainingDTypeItCannotTrainIn()
    {
        var dir = Path.Combine(Path.GetTempPath(), "arena-never", Guid.NewGuid().ToString("N"));
        var (code, err) = TinyStarterFixture.Run("starter", "build", "--out", dir, "--dtype", "f16");
        Assert.Equal(2, code);
        Assert.Contains("--dtype must be bf16 or f32", err);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void BuildRefusesAnUnwritablePath()
    {
        var file = Path.GetTempFileName();
        var (code, err) = TinyStarterFixture.Run("starter", "build", "--out", Path.Combine(file, "model"), "--minutes", "1");
        Assert.Equal(2, code);
        Assert.Contains(file, err);
    }
}

/// <summary>Builds one tiny starter model for the whole class.</summary>
public sealed class TinyStarterFixture : IDisposable
{
    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "arena-starter-tests", Guid.NewGuid().ToString("N"));

    public TinyStarterFixture()
    {
        var (code, err) = Run("starter", "build", "--out", Dir, "--steps", "1200", "--copy-steps", "50", "--guide", "0", "--conversations", "12000", "--probes", "6", "--seed", "3",
            // Explicit, so every machine builds the same model at a cost it can compute: bf16 without AVX-512 BF16 runs ~13× slower.
            "--dtype", "f32");
        if (code != 0) throw new InvalidOperationException("tiny starter build failed: " + err);
    }

    public static (int Code, string Err) Run(params string[] args)
    {
        var old = Console.Error;
        var err = new StringWriter();
        Console.SetError(err);
        try { return (CliApp.Run(args), err.ToString()); }
        finally { Console.SetError(old); }
    }

    public void Dispose()
    {
        if (Directory.Exists(Dir)) Directory.Delete(Dir, recursive: true);
    }
}

[CollectionDefinition("starter-build", DisableParallelization = true)]
public sealed class StarterBuildCollection;
