namespace Arena.Engine.Checkpoints.Gguf;

/// <summary>
/// A tensor to write: its GGUF name, its shape in PyTorch order (outermost first; the writer reverses it into ggml's
/// ne order), its type, its size in bytes, and a callback that writes exactly those bytes. The callback lets the
/// exporter convert one tensor at a time instead of holding the whole converted model in memory.
/// </summary>
public sealed record GgufTensor(string Name, long[] Shape, GgufTensorType Type, long ByteSize, Action<Stream> WriteData);
