using System.Diagnostics;
using Arena.Engine.Checkpoints;
using Arena.Engine.Generation;
using Arena.Engine.Modules;
using static TorchSharp.torch;

namespace Arena.Cli.Commands;

/// <summary>
/// arena bench: prefill and decode throughput of the engine's generator on a checkpoint or on random weights of a
/// known shape. Prints a markdown table row per batch size, ready for docs/benchmarks.md.
/// </summary>
public static class BenchCommand
{
    public static int Run(CliArgs a)
    {
        var modelDir = a.Get("model");
        var shape = a.Get("shape") ?? (modelDir is null ? "tiny" : null);
        var batches = (a.Get("batch") ?? "1,8").Split(',').Select(s => int.TryParse(s, out var b) && b is > 0 and <= 4096 ? b : throw new UsageException($"--batch takes positive integers, got '{s}'")).ToList();
        var promptLen = a.Int("prompt-len", 128, 1, 1 << 16);
        var newTokens = a.Int("new-tokens", 64, 1, 1 << 16);
        var repeats = a.Int("repeats", 2, 1, 100);
        var dev = DeviceOptions.From(a);
        a.RejectUnknown();

        using var model = modelDir is not null ? ModelLoader.Load(modelDir, dev.DType, dev.Device) : RandomModel(shape!, dev);
        Console.WriteLine($"model {(modelDir ?? shape)}, {model.parameters().Sum(p => p.NumberOfElements) / 1e6:F1} M parameters, {dev.Device.type} {dev.DType}, {Environment.ProcessorCount} CPU threads visible, torch threads {Arena.Engine.TorchThreads.Count}, " +
                          $"bf16 {(Arena.Engine.CpuPrecision.FastBFloat16 ? "faster" : "slower")} than float32 on this CPU (advice for arena starter build --dtype)");
        Console.WriteLine("| batch | prompt | new | prefill tok/s | decode tok/s | ms/step |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var b in batches)
        {
            var prompts = Enumerable.Range(0, b).Select(r => Enumerable.Range(0, promptLen).Select(j => 3 + (r * 7919 + j * 104729) % (model.Config.VocabSize - 3)).ToArray()).ToList();
            double bestPrefill = 0, bestDecode = 0, bestStep = double.MaxValue;
            for (int rep = 0; rep <= repeats; rep++) // rep 0 warms up
            {
                var (prefill, decode, step) = Measure(model, prompts, newTokens);
                if (rep == 0) continue;
                bestPrefill = Math.Max(bestPrefill, prefill);
                bestDecode = Math.Max(bestDecode, decode);
                bestStep = Math.Min(bestStep, step);
            }
            Console.WriteLine($"| {b} | {promptLen} | {newTokens} | {bestPrefill:N0} | {bestDecode:N0} | {bestStep:F2} |");
        }
        return 0;
    }

    static CausalLM RandomModel(string shape, DeviceOptions dev)
    {
        var model = ModelFactory.Create(ModelShapes.Get(shape), dev.DType, dev.Device);
        WeightInit.Normal(model, 0.02, seed: 0);
        model.eval();
        return model;
    }

    /// <summary>Prefill tokens/s from one prompt forward; decode tokens/s from a full generation minus its prefill.</summary>
    static (double Prefill, double Decode, double MsPerStep) Measure(CausalLM model, List<int[]> prompts, int newTokens)
    {
        var b = prompts.Count;
        var len = prompts[0].Length;
        double prefillSeconds;
        using (no_grad())
        using (var cache = model.NewCache(b, len))
        using (var ids = tensor(prompts.SelectMany(p => p.Select(t => (long)t)).ToArray(), [b, len], device: model.Device))
        {
            Sync(model);
            var sw = Stopwatch.StartNew();
            using var logits = model.Forward(ids, cache: cache, lastOnly: true);
            Sync(model);
            prefillSeconds = sw.Elapsed.TotalSeconds;
        }
        var gen = new TokenGenerator(model);
        var options = SamplingOptions.GreedyDecoding(newTokens);
        var total = Stopwatch.StartNew();
        var steps = 0;
        foreach (var _ in gen.Generate(prompts, options).ToBlockingEnumerable()) steps++;
        Sync(model);
        var decodeSeconds = Math.Max(1e-9, total.Elapsed.TotalSeconds - prefillSeconds);
        return (b * len / prefillSeconds, b * (double)steps / decodeSeconds, 1000 * decodeSeconds / steps);
    }

    static void Sync(CausalLM model)
    {
        if (model.Device.type == TorchSharp.DeviceType.CUDA) cuda.synchronize();
    }
}
