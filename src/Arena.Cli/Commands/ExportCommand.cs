using Arena.Engine;
using Arena.Engine.Checkpoints;
using Arena.Engine.Checkpoints.Gguf;
using Arena.Engine.Lora;
using static TorchSharp.torch;

namespace Arena.Cli.Commands;

/// <summary>arena export: the base with its adapters folded in, as one file another runtime loads (GGUF for llama.cpp,
/// Ollama, LM Studio).</summary>
public static class ExportCommand
{
    public static int Run(CliArgs a)
    {
        var modelDir = a.Required("model");
        var adapters = AdapterOptions.ParseAll(a.All("adapter"));
        var format = a.Required("format");
        var outPath = a.Required("out");
        // --dtype here is the file's weight type, not the compute type the other commands take: merging runs in f32.
        var dtypeName = a.Get("dtype") ?? "f16";
        var device = a.Get("device") ?? "cpu";
        var force = a.Flag("force");
        a.RejectUnknown();
        if (format != "gguf") throw new UsageException($"--format must be gguf (the only export format so far), got '{format}'");
        var dtype = dtypeName switch
        {
            "f32" => GgufTensorType.F32,
            "f16" => GgufTensorType.F16,
            "bf16" => GgufTensorType.BF16,
            "q8_0" => GgufTensorType.Q8_0,
            _ => throw new UsageException($"--dtype must be f32, f16, bf16 or q8_0, got '{dtypeName}'"),
        };
        var dev = device switch
        {
            "cpu" => CPU,
            "cuda" => cuda.is_available() ? CUDA : throw new UsageException("--device cuda requested but no CUDA device is available"),
            _ => throw new UsageException($"--device must be cpu or cuda, got '{device}'"),
        };
        if (Directory.Exists(outPath)) throw new UsageException($"--out names a folder ({outPath}); give a file path such as model.gguf");
        if (File.Exists(outPath) && !force) throw new UsageException($"{outPath} exists (use --force to replace it)");

        // Fail on an unsupported architecture before paying for the load.
        var config = ModelConfigReader.ReadFile(Path.Combine(modelDir, "config.json"));
        if (!LlamaGgufExporter.Architectures.ContainsKey(config.ModelType))
            throw new UsageException($"model type '{config.ModelType}' is not supported for GGUF yet (supported: {string.Join(", ", LlamaGgufExporter.Architectures.Keys)})");

        using var model = ModelLoader.Load(modelDir, ScalarType.Float32, dev);
        var loaded = ModelStack.AttachAll(model, adapters, ScalarType.Float32, dev);
        try
        {
            foreach (var adapter in loaded) model.Merge(adapter.Name);
            LlamaGgufExporter.Export(model, modelDir, dtype, outPath);
        }
        finally
        {
            foreach (var l in loaded) l.Dispose();
        }
        Console.WriteLine($"exported {modelDir}{(adapters.Count > 0 ? $" + {adapters.Count} adapter(s)" : "")} to {outPath} (GGUF, {dtypeName})");
        return 0;
    }
}
