using Arena.Engine.Checkpoints;
using Arena.Engine.Modules;
using Arena.Engine.Tokenization;

namespace Arena.Cli.Commands;

/// <summary>
/// arena info --model DIR: architecture, parameter count, dtype (weights read from headers only), tokenizer kind and
/// where the chat layout comes from (the checkpoint's template, or a built-in format when it has none).
/// </summary>
public static class InfoCommand
{
    public static int Run(CliArgs a)
    {
        var dir = a.Required("model");
        a.Get("device");
        a.Get("dtype");
        a.RejectUnknown();
        if (!Directory.Exists(dir)) throw new CheckpointException(dir, "model folder not found");
        var config = ModelConfigReader.ReadFile(Path.Combine(dir, "config.json"));
        using var weights = new ShardedSafeTensors(dir);
        long parameters = 0;
        var dtypes = new SortedSet<string>();
        foreach (var name in weights.Names)
        {
            weights.TryGet(name, out _, out var info);
            if (name.EndsWith(".attn.bias") || name.EndsWith(".attn.masked_bias")) continue;
            parameters += info.Shape.Aggregate(1L, (x, y) => x * y);
            dtypes.Add(info.DType);
        }
        Console.WriteLine($"architecture   {config.Architecture} ({config.ModelType})");
        Console.WriteLine($"parameters     {parameters:N0} ({parameters / 1e6:F2} M)");
        Console.WriteLine($"dtype          {string.Join("/", dtypes)}");
        Console.WriteLine($"layers         {config.NumLayers}, hidden {config.HiddenSize}, heads {config.NumHeads} (kv {config.NumKvHeads}, dim {config.HeadDim}), mlp {config.IntermediateSize}");
        Console.WriteLine($"vocabulary     {config.VocabSize}, context {config.MaxPositionEmbeddings}, tied embeddings {(config.TieWordEmbeddings ? "yes" : "no")}");
        if (!config.IsGpt2) Console.WriteLine($"rope           theta {config.RopeTheta}, scaling {config.RopeScaling.Type}");
        Console.WriteLine($"tokenizer      {TokenizerKind(dir)}");
        // Loading the tokenizer parses the chat template, so a template we cannot run fails here (exit 2), not mid-chat.
        if (File.Exists(Path.Combine(dir, "tokenizer.json")) || File.Exists(Path.Combine(dir, "tokenizer.model")))
            Console.WriteLine($"chat template  {TokenizerLoader.Load(dir).Chat.Source}");
        return 0;
    }

    static string TokenizerKind(string dir) =>
        File.Exists(Path.Combine(dir, "tokenizer.json")) ? "BPE (tokenizer.json)"
        : File.Exists(Path.Combine(dir, "tokenizer.model")) ? "SentencePiece (tokenizer.model)"
        : "none";
}
