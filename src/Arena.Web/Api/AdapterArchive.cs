using System.IO.Compression;
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

    /// <summary>The adapter folder as a zip. With <paramref name="withReport"/> false the bake's report (and a failure
    /// note) is left out: it carries the recipe, prompt included, of the bake that made the last adapter, which for a
    /// variant is an ancestor's. The API leaves it out whenever the viewer's copy of the model has prompts withheld
    /// (<see cref="ArenaModel.PromptsWithheld"/>).</summary>
    public static async Task<byte[]> Zip(string folder, CancellationToken ct, bool withReport = true)
    {
        using var buffer = new MemoryStream();
        if (withReport)
            await ZipFile.CreateFromDirectoryAsync(folder, buffer, CompressionLevel.Fastest, includeBaseDirectory: false, cancellationToken: ct);
        else
        {
            using var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                var name = Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
                if (ReportFiles.Contains(Path.GetFileName(name))) continue;
                var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
                await using var target = await entry.OpenAsync(ct);
                await using var source = File.OpenRead(file);
                await source.CopyToAsync(target, ct);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The files of a bake folder that describe the bake rather than hold the adapter (Engine's BakeFolder).</summary>
    static readonly HashSet<string> ReportFiles = ["bake-report.json", "bake-failed.txt"];

    /// <summary>A file name made of the model's name, safe in a Content-Disposition header.</summary>
    public static string FileName(ArenaModel model)
    {
        var safe = new string(model.Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray()).Trim('-');
        return (safe.Length == 0 ? "model" : safe) + "-adapter.zip";
    }
}
