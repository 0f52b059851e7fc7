namespace Arena.Engine.Checkpoints.Gguf;

/// <summary>The ggml tensor types the exporter writes (ggml_type numbering; the others are not produced here).</summary>
public enum GgufTensorType : uint
{
    F32 = 0,
    F16 = 1,
    Q8_0 = 8,
    BF16 = 30,
}
