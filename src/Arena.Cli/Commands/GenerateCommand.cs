namespace Arena.Cli.Commands;

public static class GenerateCommand
{
    public static int Run(CliArgs a) => throw new UsageException("generate: not wired yet");
}
