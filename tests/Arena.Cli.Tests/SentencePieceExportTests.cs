using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Arena.Engine.Tests;
using Arena.Engine.Tokenization;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Arena.Cli.Tests;

/// <summary>
/// arena export --format gguf with Mistral v0.3's SentencePiece tokenizer: llama.cpp (through LLamaSharp) reads the
/// "llama" vocabulary and tokenizes as Arena does. The weights are a tiny random Llama, built at test time.
/// </summary>
[Collection("cli")]
public partial class SentencePieceExportTests(ITestOutputHelper output)
{
    static string Tokenizers => Path.Combine(AppContext.BaseDirectory, "Fixtures", "tokenizers");

    static readonly string[] Texts =
    [
        "Hello, world!", " leading space", "   three leading spaces", "trailing spaces   ", "two  inner  spaces",
        "!!!!!!!!!!!!", "aaaaaaaaaaaaaaaaaaa", "----====----", "..........", "0000000000 12345",
        "def f(x):\n    return x ** 2\n", "\t\ttabs\tand\nnew lines\n\n", "café, naïve, Ünïcödé", "日本語のテキスト",
        "Привет, мир", "😀 👍🏽 👨‍👩‍👧 emoji", "ꙮ and 𝒜 need byte fallback", "a literal \u2581 marker",
        "[INST]", "[INST][/INST]", "Hello [INST]", "text before</s>", "[TOOL_CALLS]",
    ];

    /// <summary>Text after a special token: llama.cpp's SentencePiece tokenizer gives it a leading space of its own.</summary>
    static readonly string[] AfterSpecialTokens =
    [
        "[INST] Hello [/INST]", "[INST]Hello[/INST]", "<s>[INST] What is 2+2? [/INST] 4</s>", "[INST]  two spaces",
    ];

    /// <param name="folder">mistral-v03-spm: tokenizer.model only; mistral-v03: tokenizer.json only; both: as the
    /// model is published (the GGUF is made from tokenizer.model, as llama.cpp's converter prefers it).</param>
    [Theory]
    [InlineData("mistral-v03-spm")]
    [InlineData("mistral-v03")]
    [InlineData("both")]
    public void LlamaCppTokenizesMistralAsArenaDoes(string folder)
    {
        var dir = TinyLlama(folder);
        var gguf = Path.Combine(Fixture.TempDir(), "mistral-tokenizer.gguf");
        var (code, _, err) = CliRunner.Run("export", "--model", dir, "--format", "gguf", "--dtype", "f32", "--out", gguf);
        Assert.True(code == 0, err);
        output.WriteLine($"{folder}: {new FileInfo(gguf).Length / 1024} KiB");

        var arena = TokenizerLoader.Load(dir);
        using var llama = LlamaRunner.Open(gguf);
        Assert.Equal("llama", llama.Metadata["tokenizer.ggml.model"]);
        foreach (var text in Texts)
            Assert.True(arena.Encode(text).SequenceEqual(llama.Tokenize(text)),
                $"'{text}': Arena {string.Join(",", arena.Encode(text))}, llama.cpp {string.Join(",", llama.Tokenize(text))}");

        // Mistral v0.3 says legacy: false (Arena and Hugging Face put no "▁" after a special token); llama.cpp has no
        // such setting and tokenizes each stretch of text between special tokens as if it began the text.
        foreach (var text in AfterSpecialTokens)
            Assert.Equal(EachStretchAlone(arena, text), llama.Tokenize(text));
    }

    static int[] EachStretchAlone(TextTokenizer arena, string text) =>
        SpecialToken().Split(text).Where(part => part.Length > 0)
            .SelectMany(part => arena.TokenToId(part) is { } id && arena.IsSpecial(id) ? [id] : arena.Encode(part))
            .ToArray();

    [GeneratedRegex(@"(\[/?INST\]|</?s>)")]
    private static partial Regex SpecialToken();

    /// <summary>A one-layer Llama with hidden size 16 and Mistral v0.3's 32768-id tokenizer (about 2 MB of weights).</summary>
    static string TinyLlama(string folder)
    {
        var dir = Fixture.TempDir();
        foreach (var source in folder == "both" ? new[] { "mistral-v03", "mistral-v03-spm" } : [folder])
            foreach (var file in Directory.GetFiles(Path.Combine(Tokenizers, source)))
                if (Path.GetFileName(file) is not ("expected.json" or "config.json"))
                    File.Copy(file, Path.Combine(dir, Path.GetFileName(file)), overwrite: true);

        const int vocab = 32768, hidden = 16, heads = 2, kvHeads = 1, headDim = 8, ffn = 32;
        var config = new JsonObject
        {
            ["architectures"] = new JsonArray("LlamaForCausalLM"), ["model_type"] = "llama", ["vocab_size"] = vocab,
            ["hidden_size"] = hidden, ["intermediate_size"] = ffn, ["num_hidden_layers"] = 1,
            ["num_attention_heads"] = heads, ["num_key_value_heads"] = kvHeads, ["head_dim"] = headDim,
            ["max_position_embeddings"] = 256, ["rms_norm_eps"] = 1e-5, ["rope_theta"] = 1000000.0, ["hidden_act"] = "silu",
            ["tie_word_embeddings"] = true, ["bos_token_id"] = 1, ["eos_token_id"] = 2,
        };
        File.WriteAllText(Path.Combine(dir, "config.json"), config.ToJsonString());

        using var scope = NewDisposeScope();
        var gen = new Generator(11);
        Tensor Random(params long[] shape) => randn(shape, generator: gen) * 0.02;
        var prefix = "model.layers.0.";
        Engine.Checkpoints.SafeTensorsWriter.Write(Path.Combine(dir, "model.safetensors"),
        [
            ("model.embed_tokens.weight", Random(vocab, hidden)),
            (prefix + "input_layernorm.weight", ones(hidden)),
            (prefix + "self_attn.q_proj.weight", Random(heads * headDim, hidden)),
            (prefix + "self_attn.k_proj.weight", Random(kvHeads * headDim, hidden)),
            (prefix + "self_attn.v_proj.weight", Random(kvHeads * headDim, hidden)),
            (prefix + "self_attn.o_proj.weight", Random(hidden, heads * headDim)),
            (prefix + "post_attention_layernorm.weight", ones(hidden)),
            (prefix + "mlp.gate_proj.weight", Random(ffn, hidden)),
            (prefix + "mlp.up_proj.weight", Random(ffn, hidden)),
            (prefix + "mlp.down_proj.weight", Random(hidden, ffn)),
            ("model.norm.weight", ones(hidden)),
        ]);
        return dir;
    }
}
