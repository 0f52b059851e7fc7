using System.Globalization;

namespace Arena.Cli;

/// <summary>A command line's "--name value" options. Unknown or malformed options are usage errors (exit 2).</summary>
public sealed class CliArgs
{
    readonly Dictionary<string, List<string>> values = [];
    readonly HashSet<string> used = [];

    public CliArgs(IEnumerable<string> args, IReadOnlySet<string> flags)
    {
        var list = args.ToList();
        for (int i = 0; i < list.Count; i++)
        {
            var a = list[i];
            if (!a.StartsWith("--")) throw new UsageException($"unexpected argument '{a}'");
            var eq = a.IndexOf('=');
            string name, value;
            if (eq > 0) (name, value) = (a[2..eq], a[(eq + 1)..]);
            else if (flags.Contains(a[2..])) (name, value) = (a[2..], "true");
            else if (i + 1 < list.Count) (name, value) = (a[2..], list[++i]);
            else throw new UsageException($"option '{a}' needs a value");
            if (!values.TryGetValue(name, out var l)) values[name] = l = [];
            l.Add(value);
        }
    }

    public string? Get(string name)
    {
        used.Add(name);
        return values.TryGetValue(name, out var l) ? l[^1] : null;
    }

    public IReadOnlyList<string> All(string name)
    {
        used.Add(name);
        return values.TryGetValue(name, out var l) ? l : [];
    }

    public string Required(string name) => Get(name) ?? throw new UsageException($"missing required option --{name}");

    public bool Flag(string name) => Get(name) is "true" or "1" or "yes";

    public int Int(string name, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        var s = Get(name);
        if (s is null) return fallback;
        if (!int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) throw new UsageException($"--{name} must be an integer, got '{s}'");
        if (v < min || v > max) throw new UsageException($"--{name} must be in {min}..{max}, got {v}");
        return v;
    }

    public long? Long(string name)
    {
        var s = Get(name);
        if (s is null) return null;
        return long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw new UsageException($"--{name} must be an integer, got '{s}'");
    }

    public double Double(string name, double fallback, double min = double.MinValue, double max = double.MaxValue)
    {
        var s = Get(name);
        if (s is null) return fallback;
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v)) throw new UsageException($"--{name} must be a number, got '{s}'");
        if (v < min || v > max) throw new UsageException($"--{name} must be in {min}..{max}, got {v}");
        return v;
    }

    /// <summary>Call after reading every option a command knows: anything left over is a typo worth reporting.</summary>
    public void RejectUnknown()
    {
        var unknown = values.Keys.Where(k => !used.Contains(k)).ToList();
        if (unknown.Count > 0) throw new UsageException($"unknown option --{unknown[0]}");
    }
}
