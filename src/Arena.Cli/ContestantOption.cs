using Arena.Engine;

namespace Arena.Cli;

/// <summary>
/// "--contestant NAME=ADAPTER[:s][+ADAPTER[:s]...]" or "NAME=base": a contestant of <c>arena judge</c>, the base
/// model (<c>--model</c>) with its own adapter stack, or with none.
/// </summary>
public sealed record ContestantOption(string Name, IReadOnlyList<StackLayer> Adapters)
{
    public static ContestantOption Parse(string value)
    {
        var eq = value.IndexOf('=');
        if (eq <= 0 || eq == value.Length - 1)
            throw new UsageException($"--contestant must be NAME=ADAPTER[:s][+ADAPTER...] or NAME=base, got '{value}'");
        var (name, stack) = (value[..eq].Trim(), value[(eq + 1)..]);
        if (name.Length == 0) throw new UsageException($"--contestant '{value}' has no name");
        return stack == "base"
            ? new ContestantOption(name, [])
            : new ContestantOption(name, AdapterOptions.ParseAll(stack.Split('+', StringSplitOptions.TrimEntries)));
    }

    /// <summary>
    /// A model written the same way whoever names it: the base folder's full path, then each adapter's full path and
    /// strength. Two spellings of one stack (a relative and an absolute path) give the same text.
    /// </summary>
    public static string Identity(string modelDir, IReadOnlyList<StackLayer> adapters) =>
        string.Join("+", [Full(modelDir), .. adapters.Select(l => $"{Full(l.Dir)}:{l.Strength.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}")]);

    static string Full(string dir) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir));
}
