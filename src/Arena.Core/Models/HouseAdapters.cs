namespace Arena.Core.Models;

/// <summary>
/// Puts a checked-in house adapter into the artifact store, where the worker resolves adapter paths. A copy, not a
/// reference into the models folder: the artifact store is the one place adapters live (the worker, the adapter
/// download and backups all read it), and the checked-in files may change with the next release.
/// </summary>
public static class HouseAdapters
{
    const string ConfigFile = "adapter_config.json";
    const string WeightsFile = "adapter_model.safetensors";

    /// <summary>Where the adapter of house model <paramref name="key"/> of <paramref name="baseModel"/> lies,
    /// relative to the artifact store.</summary>
    public static string RelativePath(string baseModel, string key) => $"house/{baseModel}/{key}";

    /// <summary>An adapter folder as a bake writes it (the config and the weights at least).</summary>
    public static bool IsAdapter(string folder) =>
        File.Exists(Path.Combine(folder, ConfigFile)) && File.Exists(Path.Combine(folder, WeightsFile));

    /// <summary>Copies <paramref name="source"/> to <paramref name="target"/> unless it is there already; true when
    /// it copied. The copy is made beside the target and renamed into place, so a replica seeding at the same time,
    /// or a crash halfway, never leaves a half-written adapter where the worker looks.</summary>
    public static bool Copy(string source, string target)
    {
        if (IsAdapter(target)) return false;
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(target))!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            CopyTree(source, staging);
            // A folder left by a crash before the adapter was complete would block the rename.
            if (Directory.Exists(target) && !IsAdapter(target)) Directory.Delete(target, recursive: true);
            Directory.Move(staging, target);
            return true;
        }
        catch (IOException) when (IsAdapter(target))
        {
            return false; // another replica moved its copy in first
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        foreach (var dir in Directory.EnumerateDirectories(source))
            CopyTree(dir, Path.Combine(target, Path.GetFileName(dir)));
    }
}
