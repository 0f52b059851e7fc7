using System.Collections.Concurrent;
using System.Text.Json;
using Arena.Core.Models;
using Microsoft.Extensions.Options;

namespace Arena.Web.Hosting;

/// <summary>
/// How many tokens a model reads at once, from its base checkpoint's config.json under the models root (the web app
/// seeds base models from the same folder). The chat form and <see cref="Chat.ChatService"/> bound max tokens by it
/// (<see cref="Arena.Contracts.Chat.SamplingBounds.MaxReplyTokens"/>). Null when the web app cannot see the checkpoint
/// (a web-only replica): then only the worker's own check applies.
/// </summary>
public sealed class ModelContexts(IOptions<ArenaOptions> options, ILogger<ModelContexts> log)
{
    // The names Hugging Face configs use for the context: Llama, Mistral and Qwen; GPT-2 (two spellings).
    static readonly string[] Keys = ["max_position_embeddings", "n_positions", "n_ctx"];
    readonly ConcurrentDictionary<string, int?> _byBase = new(StringComparer.Ordinal);

    public int? Of(ArenaModel model) => _byBase.GetOrAdd(model.BaseModel, Read);

    int? Read(string baseModel)
    {
        if (baseModel.Length == 0 || baseModel.IndexOfAny(['/', '\\']) >= 0 || baseModel is "." or "..") return null;
        var config = Path.Combine(options.Value.ModelsRoot, baseModel, "config.json");
        if (!File.Exists(config)) return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(config));
            foreach (var key in Keys)
                if (doc.RootElement.TryGetProperty(key, out var v) && v.TryGetInt32(out var n) && n > 0) return n;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            log.LogWarning("Cannot read the context length of {Model}: {Message}", baseModel, e.Message);
        }
        return null;
    }
}
