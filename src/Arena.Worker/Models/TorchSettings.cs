using Arena.Worker.Hosting;
using static TorchSharp.torch;

namespace Arena.Worker.Models;

/// <summary>The device and dtype named in <see cref="WorkerOptions"/>, checked once so a typo fails at start-up.</summary>
public sealed record TorchSettings(Device Device, ScalarType DType)
{
    public static TorchSettings From(WorkerOptions o)
    {
        var device = o.Device switch
        {
            "cpu" => CPU,
            "cuda" => cuda.is_available() ? CUDA : throw new InvalidOperationException("Arena:Worker:Device is cuda but no CUDA device is available"),
            var d => throw new InvalidOperationException($"Arena:Worker:Device must be cpu or cuda, got '{d}'"),
        };
        var dtype = o.DType switch
        {
            "f32" or "float32" => ScalarType.Float32,
            "bf16" or "bfloat16" => ScalarType.BFloat16,
            var d => throw new InvalidOperationException($"Arena:Worker:DType must be f32 or bf16, got '{d}'"),
        };
        return new TorchSettings(device, dtype);
    }
}
