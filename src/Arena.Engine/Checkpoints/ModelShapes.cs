using Arena.Engine.Modules;

namespace Arena.Engine.Checkpoints;

/// <summary>Well-known model geometries, for benchmarks on random weights (no download needed).</summary>
public static class ModelShapes
{
    public static readonly IReadOnlyList<string> Names = ["tiny", "smollm2-135m", "llama-3.2-1b"];

    public static ModelConfig Get(string name) => name switch
    {
        "tiny" => Llama(vocab: 512, hidden: 64, mlp: 172, layers: 2, heads: 4, kv: 2, context: 2048),
        "smollm2-135m" => Llama(vocab: 49152, hidden: 576, mlp: 1536, layers: 30, heads: 9, kv: 3, context: 8192, theta: 100000, tied: true),
        "llama-3.2-1b" => Llama(vocab: 128256, hidden: 2048, mlp: 8192, layers: 16, heads: 32, kv: 8, context: 131072, theta: 500000, tied: true)
            with { RopeScaling = new RopeScaling("llama3", 32, 1, 4, 8192) },
        _ => throw new ArgumentException($"unknown shape '{name}' (known: {string.Join(", ", Names)})"),
    };

    static ModelConfig Llama(int vocab, int hidden, int mlp, int layers, int heads, int kv, int context, double theta = 10000, bool tied = false) => new()
    {
        ModelType = "llama",
        Architecture = "LlamaForCausalLM",
        VocabSize = vocab,
        HiddenSize = hidden,
        IntermediateSize = mlp,
        NumLayers = layers,
        NumHeads = heads,
        NumKvHeads = kv,
        HeadDim = hidden / heads,
        MaxPositionEmbeddings = context,
        NormEps = 1e-5,
        RopeTheta = theta,
        TieWordEmbeddings = tied,
    };
}
