using System.Text.Json;
using Arena.Engine.Baking;
using Arena.Engine.Checkpoints;

namespace Arena.Worker.Bakes;

/// <summary>
/// A job's adapter folder in the artifact store: the engine's <see cref="BakeFolder"/> plus the worker's
/// bake-summary.json, written whole (the engine's <see cref="StagedFolder"/>), so the folder existing with its summary
/// means the bake finished (what makes redelivery idempotent).
/// </summary>
public static class AdapterFolder
{
    /// <summary>Something other than a finished adapter is there (a bake would refuse to replace it).</summary>
    public static bool IsOccupied(string dir) =>
        File.Exists(dir) || Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any() && !IsComplete(dir);

    public static bool IsComplete(string dir) => BakeFolder.IsComplete(dir) && File.Exists(Path.Combine(dir, BakeSummary.File));

    /// <summary>The numbers a finished bake reported, read back; null if unreadable.</summary>
    public static BakeSummary? ReadSummary(string dir)
    {
        try
        {
            return JsonSerializer.Deserialize<BakeSummary>(File.ReadAllText(Path.Combine(dir, BakeSummary.File)), BakeFolder.Json);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    /// <summary>Writes the bake and its summary, then moves the folder into <paramref name="target"/>. Only an empty
    /// folder may be replaced there: anything else is not ours to delete.</summary>
    public static void Write(string target, BakeResult result, BakeSummary summary, Guid jobId)
    {
        using var folder = new StagedFolder(target, $"{jobId:N}", replace: false);
        BakeFolder.Write(folder.Staging, result);
        File.WriteAllText(folder.PathOf(BakeSummary.File), JsonSerializer.Serialize(summary, BakeFolder.Json));
        folder.Commit();
    }
}
