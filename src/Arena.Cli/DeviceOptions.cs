using static TorchSharp.torch;

namespace Arena.Cli;

/// <summary>The --device cpu|cuda and --dtype f32|bf16 options every command shares.</summary>
public sealed record DeviceOptions(Device Device, ScalarType DType)
{
    public static DeviceOptions From(CliArgs a)
    {
        var device = (a.Get("device") ?? "cpu") switch
        {
            "cpu" => CPU,
            "cuda" => cuda.is_available() ? CUDA : throw new UsageException("--device cuda requested but no CUDA device is available"),
            var d => throw new UsageException($"--device must be cpu or cuda, got '{d}'"),
        };
        var dtype = (a.Get("dtype") ?? "f32") switch
        {
            "f32" or "float32" => ScalarType.Float32,
            "bf16" or "bfloat16" => ScalarType.BFloat16,
            var d => throw new UsageException($"--dtype must be f32 or bf16, got '{d}'"),
        };
        return new DeviceOptions(device, dtype);
    }
}
