using System.Text.RegularExpressions;

namespace Arena.Engine.Lora;

/// <summary>
/// The PEFT LoRA settings the engine honours. Scale is α/r (α/√r with rsLoRA). Targets are module names such as
/// "q_proj" matched against the end of a projection's path, or one regular expression that must match the whole path.
/// </summary>
public sealed record LoraConfig(
    int Rank,
    double Alpha,
    IReadOnlyList<string> TargetModules,
    string? TargetRegex = null,
    bool UseRsLora = false,
    IReadOnlyDictionary<string, int>? RankPattern = null,
    IReadOnlyDictionary<string, double>? AlphaPattern = null,
    string? BaseModel = null,
    bool FanInFanOut = false) // PEFT's flag for GPT-2's (in, out) Conv1D weights; A and B keep their usual shapes
{
    public bool Targets(string modulePath)
    {
        if (TargetRegex is not null) return Regex.IsMatch(modulePath, "^(?:" + TargetRegex + ")$");
        return TargetModules.Any(t => modulePath == t || modulePath.EndsWith("." + t));
    }

    public int RankFor(string modulePath) => Pattern(RankPattern, modulePath) ?? Rank;
    public double AlphaFor(string modulePath) => Pattern(AlphaPattern, modulePath) ?? Alpha;

    public double ScaleFor(string modulePath)
    {
        var r = RankFor(modulePath);
        var a = AlphaFor(modulePath);
        return UseRsLora ? a / Math.Sqrt(r) : a / r;
    }

    // PEFT matches pattern keys as a suffix of the module path.
    static T? Pattern<T>(IReadOnlyDictionary<string, T>? p, string path) where T : struct =>
        p?.FirstOrDefault(kv => path == kv.Key || path.EndsWith("." + kv.Key)) is { Key: not null } hit ? hit.Value : null;
}
