using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Arena.Engine.Baking;
using Arena.Engine.Lora;

namespace Arena.Worker.Bakes;

/// <summary>
/// A baked adapter's folder: PEFT files, bake-report.json and the worker's bake-summary.json. It is written into a hidden sibling and moved into
/// place whole, so the folder existing with its report means the bake finished (what makes redelivery idempotent).
/// </summary>
public static class AdapterFolder
{
    public const string ReportFile = "bake-report.json";

    /// <summary>Same shape as the CLI's report, so the two tools read each other's output.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>Something other than a finished adapter is there (a bake would refuse to replace it).</summary>
    public static bool IsOccupied(string dir) =>
        File.Exists(dir) || Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any() && !IsComplete(dir);

    public static bool IsComplete(string dir) =>
        File.Exists(Path.Combine(dir, PeftFormat.ConfigFile)) && File.Exists(Path.Combine(dir, PeftFormat.WeightsFile))
        && File.Exists(Path.Combine(dir, ReportFile)) && File.Exists(Path.Combine(dir, BakeSummary.File));

    /// <summary>The numbers a finished bake reported, read back; null if unreadable.</summary>
    public static BakeSummary? ReadSummary(string dir)
    {
        try
        {
            return JsonSerializer.Deserialize<BakeSummary>(File.ReadAllText(Path.Combine(dir, BakeSummary.File)), Json);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    /// <summary>Writes the adapter, its early-stop checkpoints and report, then moves the folder into <paramref name="target"/>.</summary>
    public static void Write(string target, BakeResult result, BakeSummary summary, Guid jobId)
    {
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.tmp-{jobId:N}");
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);   // left by a crashed attempt
        try
        {
            PeftFormat.Save(result.Adapter, staging);
            foreach (var (fraction, adapter) in result.Checkpoints)
                PeftFormat.Save(adapter, Path.Combine(staging, "checkpoints", fraction.ToString("0.##", CultureInfo.InvariantCulture)));
            File.WriteAllText(Path.Combine(staging, ReportFile), JsonSerializer.Serialize(result.Report, Json));
            File.WriteAllText(Path.Combine(staging, BakeSummary.File), JsonSerializer.Serialize(summary, Json));
            // Only an empty folder may be replaced: anything else there is not ours to delete.
            if (Directory.Exists(target) && !Directory.EnumerateFileSystemEntries(target).Any()) Directory.Delete(target);
            Directory.Move(staging, target);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

}
