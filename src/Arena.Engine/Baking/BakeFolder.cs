using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Arena.Engine.Lora;

namespace Arena.Engine.Baking;

/// <summary>
/// A bake's output folder, as `arena bake` and the worker both write it: the PEFT adapter at the root, early-stop
/// checkpoints under checkpoints/&lt;fraction&gt;, and bake-report.json. One writer, so the two read each other's output.
/// </summary>
public static class BakeFolder
{
    public const string ReportFile = "bake-report.json";
    public const string CheckpointsFolder = "checkpoints";
    /// <summary>Where a failed bake's last good adapter goes (the CLI keeps it for inspection).</summary>
    public const string LastGoodFolder = "last-good";
    public const string FailureFile = "bake-failed.txt";

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>Writes the adapter, its checkpoints and report into <paramref name="dir"/> (a staging folder).</summary>
    public static void Write(string dir, BakeResult result)
    {
        PeftFormat.Save(result.Adapter, dir);
        foreach (var (fraction, adapter) in result.Checkpoints)
            PeftFormat.Save(adapter, Path.Combine(dir, CheckpointsFolder, fraction.ToString("0.##", CultureInfo.InvariantCulture)));
        File.WriteAllText(Path.Combine(dir, ReportFile), JsonSerializer.Serialize(result.Report, Json));
    }

    /// <summary>A stopped bake's last good adapter and the reason it stopped.</summary>
    public static void WriteFailure(string dir, BakeException e)
    {
        if (e.LastGood is { } good) PeftFormat.Save(good, Path.Combine(dir, LastGoodFolder));
        File.WriteAllText(Path.Combine(dir, FailureFile), e.Message + Environment.NewLine);
    }

    /// <summary>The adapter and the report are there: the folder holds a finished bake.</summary>
    public static bool IsComplete(string dir) =>
        File.Exists(Path.Combine(dir, PeftFormat.ConfigFile)) && File.Exists(Path.Combine(dir, PeftFormat.WeightsFile))
        && File.Exists(Path.Combine(dir, ReportFile));
}
