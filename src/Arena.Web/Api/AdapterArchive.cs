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

    public static async Task<byte[]> Zip(string folder, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await ZipFile.CreateFromDirectoryAsync(folder, buffer, CompressionLevel.Fastest, includeBaseDirectory: false, cancellationToken: ct);
        return buffer.ToArray();
    }

    /// <summary>A file name made of the model's name, safe in a Content-Disposition header.</summary>
    public static string FileName(ArenaModel model)
    {
        var safe = new string(model.Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray()).Trim('-');
        return (safe.Length == 0 ? "model" : safe) + "-adapter.zip";
    }
}
