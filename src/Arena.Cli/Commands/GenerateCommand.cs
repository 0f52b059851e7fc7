using Arena.Engine;
using Arena.Engine.Generation;
using Arena.Engine.Tokenization;

namespace Arena.Cli.Commands;

/// <summary>arena generate: one chat turn, streamed to stdout as it is decoded.</summary>
public static class GenerateCommand
{
    public static int Run(CliArgs a)
    {
        var modelDir = a.Required("model");
        var prompt = a.Required("prompt");
        var system = a.Get("system");
        var adapters = AdapterOptions.ParseAll(a.All("adapter"));
        var options = new SamplingOptions
        {
            MaxNewTokens = a.Int("max-tokens", 256, 1, 1 << 16),
            Temperature = a.Double("temperature", 0.7, 0, 100),
            TopK = a.Int("top-k", 0, 0, 1 << 20),
            TopP = a.Double("top-p", 1.0, 1e-6, 1.0),
            Seed = a.Long("seed"),
            StopStrings = a.All("stop").ToList(),
        };
        var dev = DeviceOptions.From(a);
        a.RejectUnknown();
        if (prompt.Length == 0) throw new UsageException("--prompt must not be empty");

        using var stack = ModelStack.Load(modelDir, modelDir, adapters, dev.DType, dev.Device);
        var lm = stack.Language;
        List<ChatMessage> chat = system is null ? [ChatMessage.User(prompt)] : [ChatMessage.System(system), ChatMessage.User(prompt)];
        var prompts = new[] { lm.Generator().Encode(chat) };
        if (prompts[0].Length + options.MaxNewTokens > lm.Model.Config.MaxPositionEmbeddings)
            throw new UsageException($"prompt ({prompts[0].Length} tokens) + --max-tokens {options.MaxNewTokens} exceeds the model's context of {lm.Model.Config.MaxPositionEmbeddings}");
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        var stdout = Console.Out;
        foreach (var delta in lm.Generator().Complete(prompts, options, cts.Token).ToBlockingEnumerable())
        {
            stdout.Write(delta.Text);
            stdout.Flush();
        }
        stdout.WriteLine();
        return 0;
    }
}
