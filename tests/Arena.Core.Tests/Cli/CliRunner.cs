using Arena.Cli;
using Arena.Cli.Commands;

namespace Arena.Core.Tests.Cli;

/// <summary>
/// Runs "arena ratings" in-process with stdout/stderr captured. Errors are turned into one stderr line and exit code 2
/// here the way CliApp does it, so the tests pin down what the dispatcher will print.
/// </summary>
public static class CliRunner
{
    static readonly object Gate = new();

    public static (int Code, string Out, string Err) Ratings(params string[] args)
    {
        lock (Gate)
        {
            var (oldOut, oldErr) = (Console.Out, Console.Error);
            var (o, e) = (new StringWriter(), new StringWriter());
            Console.SetOut(o);
            Console.SetError(e);
            try
            {
                int code;
                try { code = RatingsCommand.Run(new CliArgs(args, new HashSet<string>())); }
                catch (Exception x) when (x is UsageException or Core.Battles.BattleFormatException or IOException)
                {
                    Console.Error.WriteLine($"error: {x.Message.ReplaceLineEndings(" ").Trim()}");
                    code = 2;
                }
                return (code, o.ToString(), e.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
            }
        }
    }
}

[CollectionDefinition("cli", DisableParallelization = true)]
public sealed class CliCollection;
