using System.Text.Json;
using System.Text.Json.Serialization;
using Arena.Contracts.Bakes;

namespace Arena.Core.Models;

/// <summary>One house model as the command that baked it recorded it: which preset, the recipe, and what the bake
/// measured. Its adapter lies in the folder named by <see cref="Key"/> beside the manifest.</summary>
/// <param name="Key">A <see cref="Bakes.BakePresets"/> key; also the adapter's folder name.</param>
/// <param name="AdherenceBaked">The share of held-out questions the baked model answered in the style, unprompted
/// (the behavior's checker); null when not measured.</param>
/// <param name="AdherencePrompted">The same for the base model given the prompt (the teacher).</param>
/// <param name="ReportCard">The bake's report card, as every platform bake gets one (<c>arena house-cards</c>); null
/// when not made yet.</param>
public sealed record HouseModel(string Key, string Name, string Description, string Prompt, BakeRecipe Recipe,
    double KlBefore, double KlAfter, double Seconds, double? AdherenceBaked, double? AdherencePrompted, BakeReportCard? ReportCard = null);

/// <summary>
/// The house models of one base checkpoint: <c>models/{base}/house/house.json</c>, written by <c>arena house</c> and
/// read by the web app's seeder. One reader and writer for both, so the format exists once.
/// </summary>
public sealed record HouseManifest(string BaseModel, IReadOnlyList<HouseModel> Models)
{
    public const string FolderName = "house";
    public const string FileName = "house.json";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Where a base checkpoint's house models lie.</summary>
    public static string FolderOf(string checkpointFolder) => Path.Combine(checkpointFolder, FolderName);

    /// <summary>The manifest under <paramref name="checkpointFolder"/>, or null when it has no house models.</summary>
    public static HouseManifest? Read(string checkpointFolder) => ReadFrom(FolderOf(checkpointFolder));

    /// <summary>The manifest in a house folder itself, or null when there is none.</summary>
    public static HouseManifest? ReadFrom(string houseFolder)
    {
        var path = Path.Combine(houseFolder, FileName);
        if (!File.Exists(path)) return null;
        return JsonSerializer.Deserialize<HouseManifest>(File.ReadAllText(path), Json)
               ?? throw new InvalidDataException($"{path} is empty");
    }

    public void Write(string checkpointFolder) => WriteTo(FolderOf(checkpointFolder));

    /// <summary>Writes the manifest into a house folder itself (arena house writes a staging folder, then moves it).</summary>
    public void WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json) + "\n");
    }
}
