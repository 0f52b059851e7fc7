using System.Globalization;
using Arena.Contracts.Models;
using Arena.Engine;

namespace Arena.Cli;

/// <summary>"--adapter DIR[:strength]": a PEFT adapter folder and the strength to apply it at (default 1), as a layer of
/// the engine's <see cref="ModelStack"/>.</summary>
public static class AdapterOptions
{
    public static IReadOnlyList<StackLayer> ParseAll(IEnumerable<string> values) => values.Select(Parse).ToList();

    public static StackLayer Parse(string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon > 0 && double.TryParse(value[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var s))
        {
            if (!AdapterRef.IsValidStrength(s))
                throw new UsageException($"adapter strength must be in -{AdapterRef.MaxStrength}..{AdapterRef.MaxStrength}, got {s}");
            return new StackLayer(value[..colon], s, value[..colon]);
        }
        return new StackLayer(value, 1.0, value);
    }
}
