using System.Globalization;
using Arena.Engine.Lora;
using Arena.Engine.Modules;

namespace Arena.Cli;

/// <summary>"--adapter DIR[:strength]": a PEFT adapter folder and the strength to apply it at (default 1).</summary>
public sealed record AdapterSpec(string Dir, double Strength)
{
    public static IReadOnlyList<AdapterSpec> ParseAll(IEnumerable<string> values) => values.Select(Parse).ToList();

    public static AdapterSpec Parse(string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon > 0 && double.TryParse(value[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var s))
        {
            if (!double.IsFinite(s) || s < -10 || s > 10) throw new UsageException($"adapter strength must be in -10..10, got {s}");
            return new AdapterSpec(value[..colon], s);
        }
        return new AdapterSpec(value, 1.0);
    }

    /// <summary>Loads and attaches each adapter in order; the caller disposes the returned adapters after the model is done.</summary>
    public static List<LoraAdapter> AttachAll(CausalLM model, IReadOnlyList<AdapterSpec> specs, DeviceOptions dev)
    {
        var loaded = new List<LoraAdapter>();
        for (int i = 0; i < specs.Count; i++)
        {
            var adapter = PeftFormat.Load(specs[i].Dir, $"adapter{i}", dev.DType, dev.Device);
            loaded.Add(adapter);
            model.Attach(adapter, specs[i].Strength, source: Path.Combine(specs[i].Dir, PeftFormat.WeightsFile));
        }
        return loaded;
    }
}
