using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Arena.Core.Models;

namespace Arena.Web.Api;

/// <summary>Zips a model's own (last) adapter folder: the PEFT files a user can load elsewhere.</summary>
public static class AdapterArchive
{
    /// <summary>The adapter folder under <paramref name="artifactsRoot"/>, or null when the model has none, the path
    /// leaves the root, or the folder is missing.</summary>
    public static string? FolderOf(ArenaModel model, string artifactsRoot)
    {
        if (model.Adapters.Count == 0) return null;
        var root = Path.GetFullPath(artifactsRoot);
        var folder = Path.GetFullPath(Path.Combine(root, model.Adapters[^1].Path));
        var inside = folder.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return inside && Directory.Exists(folder) ? folder : null;
    }

    /// <summary>The bake report's name in an adapter folder (the engine's BakeFolder writes it; the web tier does not load the engine).</summary>
    public const string ReportFile = "bake-report.json";

    /// <summary>The folder's files, with bake-report.json as <see cref="PublicReport"/> makes it. With
    /// <paramref name="withReport"/> false the bake's report (and a failure note) is left out: it carries the recipe,
    /// prompt included, of the bake that made the last adapter, which for a variant is an ancestor's. The API leaves it
    /// out whenever the viewer's copy of the model has prompts withheld (<see cref="ArenaModel.PromptsWithheld"/>).</summary>
    public static async Task<byte[]> Zip(ArenaModel model, string folder, CancellationToken ct, bool withReport = true)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var name = Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
                if (!withReport && ReportFiles.Contains(Path.GetFileName(name))) continue;
                var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
                await using var output = await entry.OpenAsync(ct);
                if (name == ReportFile)
                    await output.WriteAsync(Encoding.UTF8.GetBytes(PublicReport(await File.ReadAllTextAsync(file, ct), model)), ct);
                else
                {
                    await using var input = File.OpenRead(file);
                    await input.CopyToAsync(output, ct);
                }
            }
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// The bake report without what is internal: its parent chain names the artifact store's folders (paths and job
    /// ids). In its place the chain as the API shows it: the base model, the parent's id and each adapter's strength.
    /// The recipe, KL figures and timings stay. A report that is not JSON is left out whole.
    /// </summary>
    public static string PublicReport(string json, ArenaModel model)
    {
        JsonObject report;
        try { report = JsonNode.Parse(json) as JsonObject ?? new JsonObject(); }
        catch (JsonException) { report = new JsonObject(); }
        report.Remove("parent_chain");
        report.Remove("job_id");
        report["base_model"] = model.BaseModel;
        report["parent_model_id"] = model.ParentId?.ToString();
        report["adapter_strengths"] = new JsonArray(model.Adapters.Select(a => (JsonNode?)JsonValue.Create(a.Strength)).ToArray());
        return report.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>The files of a bake folder that describe the bake rather than hold the adapter (Engine's BakeFolder).</summary>
    static readonly HashSet<string> ReportFiles = [ReportFile, "bake-failed.txt"];

    /// <summary>A file name made of the model's name, safe in a Content-Disposition header.</summary>
    public static string FileName(ArenaModel model)
    {
        var safe = new string(model.Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray()).Trim('-');
        return (safe.Length == 0 ? "model" : safe) + "-adapter.zip";
    }
}
