using Arena.Engine;
using System.Text.Json.Nodes;
using Arena.Engine.Checkpoints;
using Arena.Engine.Lora;

namespace Arena.Cli.Commands;

/// <summary>arena merge: folds adapters (at their strengths) into the base and writes a full Hugging Face model folder.</summary>
public static class MergeCommand
{
    static readonly string[] TokenizerFiles = ["tokenizer.json", "tokenizer.model", "tokenizer_config.json", "special_tokens_map.json", "generation_config.json", "chat_template.jinja"];

    public static int Run(CliArgs a)
    {
        var modelDir = a.Required("model");
        var adapters = AdapterOptions.ParseAll(a.All("adapter"));
        var outDir = a.Required("out");
        var force = a.Flag("force");
        var dev = DeviceOptions.From(a);
        a.RejectUnknown();
        if (adapters.Count == 0) throw new UsageException("give at least one --adapter to merge");

        using var output = OutputFolder.Open(outDir, force);
        using var model = ModelLoader.Load(modelDir, dev.DType, dev.Device);
        var loaded = ModelStack.AttachAll(model, adapters, dev.DType, dev.Device);
        try
        {
            foreach (var adapter in loaded) model.Merge(adapter.Name);
            var config = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(modelDir, "config.json")))!;
            ModelSaver.Save(model, output.Staging, config);
            foreach (var f in TokenizerFiles.Where(f => File.Exists(Path.Combine(modelDir, f))))
                File.Copy(Path.Combine(modelDir, f), output.PathOf(f));
            output.Commit();
            Console.WriteLine($"merged {adapters.Count} adapter(s) into {outDir}");
        }
        finally
        {
            foreach (var l in loaded) l.Dispose();
        }
        return 0;
    }
}
