using Arena.Engine;
using Arena.Engine.Generation;
using Arena.Engine.Tests;
using Arena.Engine.Tokenization;
using Arena.Testing;
using LLama;
using LLama.Common;
using LLama.Native;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Arena.Cli.Tests;

/// <summary>
/// arena export --format gguf, checked by the runtime it is for: llama.cpp (through LLamaSharp) loads the file,
/// tokenizes as Arena does, and decodes greedily to the tokens Arena's engine picks.
/// </summary>
[Collection("cli")]
public class ExportCommandTests(ITestOutputHelper output)
{
    /// <summary>f32 first-step logits: llama.cpp and TorchSharp only sum in different orders (observed about 6e-6).</summary>
    const double F32LogitTolerance = 1e-4;
    const int GreedyTokens = 16;

    static readonly string[] Texts =
    [
        "Hello, world!",
        "  two  spaces\nand a new line, tabs\tand 12345 digits",
        "Ahoy — café, naïve, 🎉 emoji",
        "<|im_start|>user\nWhat is the sea?<|im_end|>\n<|im_start|>assistant\n",
    ];

    [Fact]
    public async Task F32ExportMatchesTheEngineInLlamaCpp()
    {
        var gguf = Export("f32");
        using var language = LanguageModel.Load(RepoPaths.Starter, ScalarType.Float32, CPU);
        using var llama = LlamaRunner.Open(gguf);

        foreach (var text in Texts)
            Assert.Equal(language.Tokenizer.Encode(text), llama.Tokenize(text));
        Assert.Equal(TemplateOf(RepoPaths.Starter), llama.Metadata["tokenizer.chat_template"]);
        Assert.Equal("llama", llama.Metadata["general.architecture"]);

        var prompt = language.Tokenizer.EncodeChat([ChatMessage.User("Tell me about the weather today.")]);
        var (llamaTokens, llamaLogits) = llama.Greedy(prompt, GreedyTokens);
        var diff = MaxAbsDiff(FirstLogits(language, prompt), llamaLogits);
        output.WriteLine($"f32 first-step logits max |diff| = {diff:E2}; greedy {string.Join(",", llamaTokens)}");
        Assert.True(diff <= F32LogitTolerance, $"max |logit diff| {diff} > {F32LogitTolerance}");
        Assert.Equal(await ArenaGreedy(language, prompt), llamaTokens);
    }

    [Fact]
    public async Task F16ExportDecodesTheSameGreedyTokens()
    {
        var gguf = Export("f16");
        using var language = LanguageModel.Load(RepoPaths.Starter, ScalarType.Float32, CPU);
        using var llama = LlamaRunner.Open(gguf);
        var prompt = language.Tokenizer.EncodeChat([ChatMessage.User("Tell me about the weather today.")]);
        var (llamaTokens, llamaLogits) = llama.Greedy(prompt, GreedyTokens);
        output.WriteLine($"f16 first-step logits max |diff| = {MaxAbsDiff(FirstLogits(language, prompt), llamaLogits):E2}");
        Assert.Equal(await ArenaGreedy(language, prompt), llamaTokens);
    }

    /// <summary>bf16 and q8_0 are lossier than f16: the file must load and start as the engine does.</summary>
    [Theory]
    [InlineData("bf16")]
    [InlineData("q8_0")]
    public async Task LossyExportsLoadAndAgreeOnTheFirstTokens(string dtype)
    {
        var gguf = Export(dtype);
        using var language = LanguageModel.Load(RepoPaths.Starter, ScalarType.Float32, CPU);
        using var llama = LlamaRunner.Open(gguf);
        var prompt = language.Tokenizer.EncodeChat([ChatMessage.User("Tell me about the weather today.")]);
        var (llamaTokens, llamaLogits) = llama.Greedy(prompt, GreedyTokens);
        var arena = await ArenaGreedy(language, prompt);
        var agree = arena.Zip(llamaTokens).TakeWhile(p => p.First == p.Second).Count();
        output.WriteLine($"{dtype}: first-step logits max |diff| = {MaxAbsDiff(FirstLogits(language, prompt), llamaLogits):E2}; greedy tokens agree for {agree}/{GreedyTokens}");
        Assert.True(agree >= 4, $"{dtype} greedy tokens agree for only {agree}");
    }

    [Fact]
    public async Task MergedAdapterExportMatchesTheStackInLlamaCpp()
    {
        var pirate = Path.Combine(RepoPaths.Starter, "house", "pirate");
        var gguf = Export("f32", "--adapter", pirate + ":1");
        using var stack = ModelStack.Load(RepoPaths.Starter, "starter", [new StackLayer(pirate, 1.0, pirate)], ScalarType.Float32, CPU);
        using var llama = LlamaRunner.Open(gguf);
        var prompt = stack.Language.Tokenizer.EncodeChat([ChatMessage.User("Tell me about the weather today.")]);
        var (llamaTokens, llamaLogits) = llama.Greedy(prompt, GreedyTokens);
        var diff = MaxAbsDiff(FirstLogits(stack.Language, prompt), llamaLogits);
        output.WriteLine($"f32 + pirate first-step logits max |diff| = {diff:E2}");
        Assert.True(diff <= F32LogitTolerance, $"max |logit diff| {diff} > {F32LogitTolerance}");
        Assert.Equal(await ArenaGreedy(stack.Language, prompt), llamaTokens);
    }

    /// <summary>The other families, built from the starter's weights and tokenizer: Mistral is written as Llama (Q/K
    /// permuted); Qwen2 as qwen2 (no permute, llama.cpp rotates halves), here with random q/k/v biases to check them;
    /// Llama-3.1 RoPE scaling (as rope_freqs.weight), with an original context of 32 so the prompt reaches the stretched band.</summary>
    [Theory]
    [InlineData("mistral", "MistralForCausalLM", "llama", false)]
    [InlineData("qwen2", "Qwen2ForCausalLM", "qwen2", false)]
    [InlineData("llama", "LlamaForCausalLM", "llama", true)]
    public async Task OtherFamiliesExportAsLlamaCppExpects(string modelType, string architecture, string ggufArchitecture, bool llama3Rope)
    {
        var dir = StarterAs(modelType, architecture, withQkvBias: modelType == "qwen2", llama3Rope);
        var gguf = Path.Combine(Fixture.TempDir(), $"{modelType}.gguf");
        var (code, _, err) = CliRunner.Run("export", "--model", dir, "--format", "gguf", "--dtype", "f32", "--out", gguf);
        Assert.True(code == 0, err);
        using var language = LanguageModel.Load(dir, ScalarType.Float32, CPU);
        using var llama = LlamaRunner.Open(gguf);
        Assert.Equal(ggufArchitecture, llama.Metadata["general.architecture"]);
        var prompt = language.Tokenizer.EncodeChat([ChatMessage.User("Tell me about the weather today.")]);
        var (llamaTokens, llamaLogits) = llama.Greedy(prompt, GreedyTokens);
        var diff = MaxAbsDiff(FirstLogits(language, prompt), llamaLogits);
        output.WriteLine($"{modelType}{(llama3Rope ? " + llama3 rope" : "")}: f32 first-step logits max |diff| = {diff:E2}");
        Assert.True(diff <= F32LogitTolerance, $"max |logit diff| {diff} > {F32LogitTolerance}");
        Assert.Equal(await ArenaGreedy(language, prompt), llamaTokens);
    }

    [Fact]
    public void UnknownFormatIsOneLineExit2()
    {
        var (code, _, err) = CliRunner.Run("export", "--model", RepoPaths.Starter, "--format", "onnx", "--out", Path.Combine(Fixture.TempDir(), "m.onnx"));
        Assert.Equal(2, code);
        Assert.Contains("--format must be gguf", err);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public void AnExistingFileNeedsForce()
    {
        var path = Path.Combine(Fixture.TempDir(), "m.gguf");
        File.WriteAllText(path, "keep me");
        var (code, _, err) = CliRunner.Run("export", "--model", RepoPaths.Starter, "--format", "gguf", "--out", path);
        Assert.Equal(2, code);
        Assert.Contains("--force", err);
        Assert.Equal("keep me", File.ReadAllText(path));
        (code, _, err) = CliRunner.Run("export", "--model", RepoPaths.Starter, "--format", "gguf", "--out", path, "--force");
        Assert.True(code == 0, err);
        using var f = File.OpenRead(path);
        Assert.Equal("GGUF"u8.ToArray(), new BinaryReader(f).ReadBytes(4));
    }

    [Fact]
    public void UnknownDtypeIsOneLineExit2()
    {
        var (code, _, err) = CliRunner.Run("export", "--model", RepoPaths.Starter, "--format", "gguf", "--dtype", "q4_k", "--out", Path.Combine(Fixture.TempDir(), "m.gguf"));
        Assert.Equal(2, code);
        Assert.Contains("--dtype must be", err);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public void UnsupportedArchitectureIsOneLineExit2()
    {
        var outPath = Path.Combine(Fixture.TempDir(), "gpt2.gguf");
        var (code, _, err) = CliRunner.Run("export", "--model", Fixture.Dir("gpt2"), "--format", "gguf", "--out", outPath);
        Assert.Equal(2, code);
        Assert.Contains("not supported for GGUF yet", err);
        Assert.Single(err.Trim().Split('\n'));
        Assert.False(File.Exists(outPath));
    }

    string Export(string dtype, params string[] extra)
    {
        var path = Path.Combine(Fixture.TempDir(), $"starter-{dtype}.gguf");
        var (code, stdout, err) = CliRunner.Run(["export", "--model", RepoPaths.Starter, .. extra, "--format", "gguf", "--dtype", dtype, "--out", path]);
        Assert.True(code == 0, err);
        output.WriteLine(stdout.Trim());
        Assert.True(File.Exists(path));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
        return path;
    }

    /// <summary>A copy of the starter whose config.json names another family (and, for Qwen2, carries q/k/v biases).</summary>
    static string StarterAs(string modelType, string architecture, bool withQkvBias, bool llama3Rope)
    {
        var dir = Fixture.TempDir();
        foreach (var f in new[] { "tokenizer.json", "tokenizer_config.json", "generation_config.json" })
            File.Copy(Path.Combine(RepoPaths.Starter, f), Path.Combine(dir, f));
        var config = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Starter, "config.json")))!.AsObject();
        config["model_type"] = modelType;
        config["architectures"] = new System.Text.Json.Nodes.JsonArray(architecture);
        if (llama3Rope)
            config["rope_scaling"] = new System.Text.Json.Nodes.JsonObject
            {
                ["rope_type"] = "llama3", ["factor"] = 8.0, ["low_freq_factor"] = 1.0, ["high_freq_factor"] = 4.0,
                ["original_max_position_embeddings"] = 32,
            };
        File.WriteAllText(Path.Combine(dir, "config.json"), config.ToJsonString());
        using var scope = NewDisposeScope();
        using var file = new Engine.Checkpoints.SafeTensorsFile(Path.Combine(RepoPaths.Starter, "model.safetensors"));
        var tensors = file.Tensors.Keys.Select(name => (name, file.Read(name, ScalarType.Float32))).ToList();
        if (withQkvBias)
        {
            var gen = new TorchSharp.torch.Generator(7);
            var weights = tensors.Where(t => t.name.EndsWith("_proj.weight") && t.name.Contains(".self_attn.") && !t.name.Contains("o_proj")).ToList();
            foreach (var (name, w) in weights)
                tensors.Add((name.Replace(".weight", ".bias"), randn([w.shape[0]], generator: gen) * 0.5));
        }
        Engine.Checkpoints.SafeTensorsWriter.Write(Path.Combine(dir, "model.safetensors"), tensors);
        return dir;
    }

    static string TemplateOf(string modelDir) =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(modelDir, "tokenizer_config.json")))!["chat_template"]!.GetValue<string>();

    static float[] FirstLogits(LanguageModel language, int[] prompt)
    {
        using var noGrad = no_grad();
        using var ids = tensor(prompt.Select(t => (long)t).ToArray(), [1, prompt.Length]);
        using var logits = language.Model.Forward(ids, lastOnly: true);
        return logits.reshape(-1).to_type(ScalarType.Float32).data<float>().ToArray();
    }

    static async Task<int[]> ArenaGreedy(LanguageModel language, int[] prompt)
    {
        var tokens = new List<int>();
        await foreach (var step in new TokenGenerator(language.Model).Generate([prompt], SamplingOptions.GreedyDecoding(GreedyTokens)))
            tokens.Add(step.Tokens[0]);
        return tokens.ToArray();
    }

    static double MaxAbsDiff(float[] a, float[] b)
    {
        Assert.Equal(a.Length, b.Length);
        return a.Zip(b, (x, y) => Math.Abs((double)x - y)).Max();
    }
}
