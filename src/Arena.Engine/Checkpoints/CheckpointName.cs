using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Arena.Engine.Checkpoints;

/// <summary>
/// The name an exported adapter gives its base model (PEFT's <c>base_model_name_or_path</c>): the Hugging Face id the
/// checkpoint was saved from when its config.json names one ("mistralai/Mistral-7B-v0.3"), else the checkpoint's
/// folder name as the platform knows it ("starter"). Never a machine's absolute path: adapters are shared.
/// </summary>
public static partial class CheckpointName
{
    /// <param name="label">A checkpoint folder, or a base model's name (the worker's label).</param>
    public static string Of(string label)
    {
        var trimmed = label.TrimEnd('/', '\\');
        if (!Directory.Exists(trimmed)) return trimmed;
        var config = Path.Combine(trimmed, "config.json");
        if (File.Exists(config) && ReadHubId(config) is { } id) return id;
        return Path.GetFileName(trimmed);
    }

    static string? ReadHubId(string config)
    {
        try
        {
            var name = (JsonNode.Parse(File.ReadAllText(config)) as JsonObject)?["_name_or_path"]?.GetValue<string>();
            // transformers writes whatever path it loaded from; only an "owner/name" hub id is worth repeating.
            return name is not null && HubId().IsMatch(name) ? name : null;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException) { return null; }
    }

    [GeneratedRegex(@"^[A-Za-z0-9][\w.-]*/[\w.-]+$")]
    private static partial Regex HubId();
}
