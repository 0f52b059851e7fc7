using Arena.Evaluation;
using Arena.Evaluation.Suites;
using Arena.Starter.Behaviors;

namespace Arena.Cli.Commands;

/// <summary>
/// arena suites [--write DIR]: lists the built-in suites (items, hash); with --write, writes the generated ones
/// (arithmetic, starter-behaviors, starter-facts, retention) into DIR — how the shipped files are made.
/// </summary>
public static class SuitesCommand
{
    /// <summary>The generated built-in suites and their generators (instructions is written by hand).</summary>
    public static IReadOnlyDictionary<string, Func<string>> Generated { get; } = new Dictionary<string, Func<string>>
    {
        ["arithmetic"] = () => ArithmeticSuite.Generate(),
        ["starter-behaviors"] = () => StarterSuites.Behaviors(),
        ["starter-facts"] = () => StarterSuites.Facts(),
        ["retention"] = () => StarterSuites.Retention(),
    };

    public static int Run(CliArgs a)
    {
        var write = a.Get("write");
        a.RejectUnknown();
        if (write is not null)
        {
            Directory.CreateDirectory(write);
            foreach (var (name, generate) in Generated)
            {
                var path = Path.Combine(write, $"{name}.jsonl");
                File.WriteAllText(path, generate());
                Console.WriteLine($"wrote {path}");
            }
            return 0;
        }
        foreach (var builtIn in BuiltInSuites.All)
        {
            var suite = BuiltInSuites.Read(builtIn, StarterRules.Instance);
            Console.WriteLine($"{builtIn.Label,-22} {suite.Items.Count,5} items  {suite.Hash[..12]}  {builtIn.Description}");
        }
        return 0;
    }
}
