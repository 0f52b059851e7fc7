using System.Text.RegularExpressions;
using Arena.Engine.Modules;
using static TorchSharp.torch;

namespace Arena.Engine.Checkpoints.Gguf;

/// <summary>
/// Writes a loaded (and possibly merged) Llama-family model as a GGUF file llama.cpp runs: the weights under
/// llama.cpp's tensor names, the hyperparameters under its keys, the tokenizer and the chat template. Follows
/// llama.cpp's convert_hf_to_gguf.py so the result loads as one of its own conversions would.
/// </summary>
public static partial class LlamaGgufExporter
{
    /// <summary>The model types exported, each with the llama.cpp architecture it becomes.</summary>
    public static readonly IReadOnlyDictionary<string, string> Architectures = new Dictionary<string, string>
    {
        ["llama"] = "llama",
        ["mistral"] = "llama",   // llama.cpp converts Mistral as Llama
        ["qwen2"] = "qwen2",
    };

    /// <exception cref="CheckpointException">An architecture, RoPE scaling or tokenizer GGUF export does not support yet.</exception>
    public static void Export(CausalLM model, string modelDir, GgufTensorType dtype, string outPath)
    {
        var c = model.Config;
        var configPath = Path.Combine(modelDir, "config.json");
        if (!Architectures.TryGetValue(c.ModelType, out var arch))
            throw new CheckpointException(configPath, $"model type '{c.ModelType}' is not supported for GGUF yet (supported: {string.Join(", ", Architectures.Keys)})");
        if (c.RopeScaling.Type is not ("default" or "linear") && !(c.RopeScaling.Type == "llama3" && arch == "llama"))
            throw new CheckpointException(configPath, $"rope scaling '{c.RopeScaling.Type}' is not supported for GGUF yet");
        if (c.HiddenAct != "silu")
            throw new CheckpointException(configPath, $"activation '{c.HiddenAct}' is not supported for GGUF yet (llama.cpp's {arch} uses silu)");

        var metadata = Hyperparameters(c, arch, dtype, Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(modelDir))));
        metadata.AddRange(GgufTokenizerMetadata.Read(modelDir, c.VocabSize));

        using var scope = NewDisposeScope();
        var tensors = new List<GgufTensor>();
        foreach (var (name, p) in model.named_parameters())
        {
            var t = (Tensor)p.detach().to_type(ScalarType.Float32).cpu();
            if (arch == "llama") t = PermuteForRope(name, t, c);
            tensors.Add(GgufTensorData.Of(TensorName(name, configPath), t, TypeFor(t, dtype)));
        }
        if (c.RopeScaling.Type == "llama3") tensors.Add(GgufTensorData.Of("rope_freqs.weight", Llama3RopeFactors(c), GgufTensorType.F32));
        GgufWriter.Write(outPath, metadata, tensors);
    }

    /// <summary>
    /// Llama-3.1's RoPE scaling reaches llama.cpp as rope_freqs.weight, one divisor per frequency (as the converter
    /// writes it): the plain inverse frequencies over the engine's scaled ones, so both rotate by the same angles.
    /// </summary>
    static Tensor Llama3RopeFactors(ModelConfig c)
    {
        using var plain = Rope.InverseFrequencies(c.HeadDim, c.RopeTheta, RopeScaling.None, CPU);
        using var scaled = Rope.InverseFrequencies(c.HeadDim, c.RopeTheta, c.RopeScaling, CPU);
        return plain.div(scaled);
    }

    static List<KeyValuePair<string, GgufMetadataValue>> Hyperparameters(ModelConfig c, string arch, GgufTensorType dtype, string name)
    {
        var kv = new List<KeyValuePair<string, GgufMetadataValue>>
        {
            new("general.architecture", GgufMetadataValue.Of(arch)),
            new("general.name", GgufMetadataValue.Of(name)),
            new("general.alignment", GgufMetadataValue.Of((uint)GgufWriter.Alignment)),
            new("general.file_type", GgufMetadataValue.Of(FileType(dtype))),
            new("general.quantization_version", GgufMetadataValue.Of(2u)),
            new($"{arch}.vocab_size", GgufMetadataValue.Of((uint)c.VocabSize)),
            new($"{arch}.context_length", GgufMetadataValue.Of((uint)c.MaxPositionEmbeddings)),
            new($"{arch}.embedding_length", GgufMetadataValue.Of((uint)c.HiddenSize)),
            new($"{arch}.block_count", GgufMetadataValue.Of((uint)c.NumLayers)),
            new($"{arch}.feed_forward_length", GgufMetadataValue.Of((uint)c.IntermediateSize)),
            new($"{arch}.attention.head_count", GgufMetadataValue.Of((uint)c.NumHeads)),
            new($"{arch}.attention.head_count_kv", GgufMetadataValue.Of((uint)c.NumKvHeads)),
            new($"{arch}.attention.key_length", GgufMetadataValue.Of((uint)c.HeadDim)),
            new($"{arch}.attention.value_length", GgufMetadataValue.Of((uint)c.HeadDim)),
            new($"{arch}.attention.layer_norm_rms_epsilon", GgufMetadataValue.Of((float)c.NormEps)),
            new($"{arch}.rope.dimension_count", GgufMetadataValue.Of((uint)c.HeadDim)),
            new($"{arch}.rope.freq_base", GgufMetadataValue.Of((float)c.RopeTheta)),
        };
        if (c.RopeScaling.Type == "linear")
        {
            kv.Add(new($"{arch}.rope.scaling.type", GgufMetadataValue.Of("linear")));
            kv.Add(new($"{arch}.rope.scaling.factor", GgufMetadataValue.Of((float)c.RopeScaling.Factor)));
        }
        return kv;
    }

    /// <summary>llama_ftype: what the bulk of the weights are.</summary>
    static uint FileType(GgufTensorType t) => t switch
    {
        GgufTensorType.F32 => 0,
        GgufTensorType.F16 => 1,
        GgufTensorType.Q8_0 => 7,
        GgufTensorType.BF16 => 32,
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    /// <summary>Norms and biases stay f32 as llama.cpp's converter keeps them; a matrix whose rows do not divide into
    /// Q8_0 blocks falls back to f16, as the converter's does.</summary>
    static GgufTensorType TypeFor(Tensor t, GgufTensorType requested) =>
        t.dim() < 2 ? GgufTensorType.F32
        : GgufTensorData.Fits(requested, t.shape[^1]) ? requested
        : GgufTensorType.F16;

    /// <summary>
    /// Hugging Face's Llama checkpoints order each head's q/k rows for rotate-half RoPE (first half, second half);
    /// llama.cpp's Llama rotates adjacent pairs. convert_hf_to_gguf.py's permute(w, n_head, n_head_kv) interleaves
    /// the halves: reshape (heads, 2, head_dim/2, ...), swap the two middle axes, reshape back. Biases alike.
    /// </summary>
    static Tensor PermuteForRope(string name, Tensor t, ModelConfig c)
    {
        int heads;
        if (name.EndsWith("self_attn.q_proj.weight") || name.EndsWith("self_attn.q_proj.bias")) heads = c.NumHeads;
        else if (name.EndsWith("self_attn.k_proj.weight") || name.EndsWith("self_attn.k_proj.bias")) heads = c.NumKvHeads;
        else return t;
        long rows = t.shape[0];
        long[] rest = t.shape[1..];
        return t.reshape([heads, 2, rows / heads / 2, .. rest]).swapaxes(1, 2).reshape(t.shape).contiguous();
    }

    static string TensorName(string hf, string configPath)
    {
        switch (hf)
        {
            case "model.embed_tokens.weight": return "token_embd.weight";
            case "model.norm.weight": return "output_norm.weight";
            case "lm_head.weight": return "output.weight";
        }
        var m = LayerParameter().Match(hf);
        if (!m.Success) throw new CheckpointException(configPath, $"no GGUF name for tensor '{hf}'");
        var part = m.Groups[2].Value switch
        {
            "input_layernorm" => "attn_norm",
            "post_attention_layernorm" => "ffn_norm",
            "self_attn.q_proj" => "attn_q",
            "self_attn.k_proj" => "attn_k",
            "self_attn.v_proj" => "attn_v",
            "self_attn.o_proj" => "attn_output",
            "mlp.gate_proj" => "ffn_gate",
            "mlp.up_proj" => "ffn_up",
            "mlp.down_proj" => "ffn_down",
            _ => throw new CheckpointException(configPath, $"no GGUF name for tensor '{hf}'"),
        };
        return $"blk.{m.Groups[1].Value}.{part}.{m.Groups[3].Value}";
    }

    [GeneratedRegex(@"^model\.layers\.(\d+)\.(.+)\.(weight|bias)$")]
    private static partial Regex LayerParameter();
}
