using TorchSharp;

namespace Arena.Engine.Checkpoints;

/// <summary>The safetensors dtype strings the engine reads and writes, and their torch equivalents.</summary>
public static class SafeTensorDType
{
    static readonly Dictionary<string, (torch.ScalarType Type, int Size)> Known = new()
    {
        ["F32"] = (torch.ScalarType.Float32, 4),
        ["F16"] = (torch.ScalarType.Float16, 2),
        ["BF16"] = (torch.ScalarType.BFloat16, 2),
        ["F64"] = (torch.ScalarType.Float64, 8),
        ["I64"] = (torch.ScalarType.Int64, 8),
        ["I32"] = (torch.ScalarType.Int32, 4),
        ["I16"] = (torch.ScalarType.Int16, 2),
        ["I8"] = (torch.ScalarType.Int8, 1),
        ["U8"] = (torch.ScalarType.Byte, 1),
        ["BOOL"] = (torch.ScalarType.Bool, 1),
    };

    public static bool TryParse(string name, out torch.ScalarType type, out int size)
    {
        var ok = Known.TryGetValue(name, out var v);
        (type, size) = v;
        return ok;
    }

    public static string Name(torch.ScalarType type) =>
        Known.FirstOrDefault(kv => kv.Value.Type == type).Key
        ?? throw new ArgumentException($"dtype {type} cannot be stored in safetensors by this engine");
}
