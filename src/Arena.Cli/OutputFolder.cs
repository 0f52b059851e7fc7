using Arena.Engine.Checkpoints;

namespace Arena.Cli;

/// <summary>A command's --out folder, written whole or not at all (the engine's <see cref="StagedFolder"/>).</summary>
public static class OutputFolder
{
    public static StagedFolder Open(string target, bool force)
    {
        try
        {
            return new StagedFolder(target, $"{Environment.ProcessId}", replace: force);
        }
        catch (IOException e) when (!force && Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new UsageException($"{e.Message} (use --force to replace it)");
        }
    }
}
