namespace Arena.Engine.Modules;

/// <summary>
/// The architecture facts the engine needs, normalised across families (Llama, Mistral, Qwen2, Qwen3 and GPT-2 name
/// the same things differently in config.json). Read from config.json by <c>Checkpoints.ModelConfigReader</c>.
/// </summary>
public sealed record ModelConfig
{
    public required string ModelType { get; init; }          // llama | mistral | qwen2 | qwen3 | gpt2
    public required string Architecture { get; init; }       // e.g. LlamaForCausalLM
    public required int VocabSize { get; init; }
    public required int HiddenSize { get; init; }
    public required int IntermediateSize { get; init; }
    public required int NumLayers { get; init; }
    public required int NumHeads { get; init; }
    public required int NumKvHeads { get; init; }
    public required int HeadDim { get; init; }
    public required int MaxPositionEmbeddings { get; init; }
    public required double NormEps { get; init; }
    public double RopeTheta { get; init; } = 10000.0;
    public RopeScaling RopeScaling { get; init; } = RopeScaling.None;
    public bool TieWordEmbeddings { get; init; }
    public bool AttentionBias { get; init; }                 // bias on q/k/v (Qwen2 always; Llama when attention_bias)
    public bool OutputBias { get; init; }                    // bias on o_proj (Llama attention_bias applies to o_proj too)
    public bool MlpBias { get; init; }
    public bool QkNorm { get; init; }                        // Qwen3: RMSNorm on each head of q and k before RoPE
    public string HiddenAct { get; init; } = "silu";
    public int? BosTokenId { get; init; }
    public IReadOnlyList<int> EosTokenIds { get; init; } = [];
    public int? PadTokenId { get; init; }
    public string? TorchDtype { get; init; }

    public bool IsGpt2 => ModelType == "gpt2";
    public int KvGroups => NumHeads / NumKvHeads;
}
