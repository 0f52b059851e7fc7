namespace Arena.Cli;

/// <summary>
/// Writes a command's results into a temporary sibling folder and moves it into place only when complete, so a
/// failed or interrupted run never leaves a half-written --out behind.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    public string Target { get; }
    public string Staging { get; }
    bool committed;

    public OutputFolder(string target, bool force)
    {
        Target = Path.GetFullPath(target);
        if (File.Exists(Target)) throw new UsageException($"{target}: exists and is a file");
        if (Directory.Exists(Target) && Directory.EnumerateFileSystemEntries(Target).Any() && !force)
            throw new UsageException($"{target}: exists and is not empty (use --force to replace it)");
        var parent = Path.GetDirectoryName(Target) ?? ".";
        try { Directory.CreateDirectory(parent); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new UsageException($"{target}: cannot create the folder ({e.Message})"); }
        Staging = Path.Combine(parent, $".{Path.GetFileName(Target)}.tmp-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(Staging);
            File.WriteAllText(Path.Combine(Staging, ".probe"), "");
            File.Delete(Path.Combine(Staging, ".probe"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new UsageException($"{target}: not writable ({e.Message})"); }
    }

    public string PathOf(string name) => Path.Combine(Staging, name);

    public void Commit()
    {
        if (Directory.Exists(Target)) Directory.Delete(Target, recursive: true);
        Directory.Move(Staging, Target);
        committed = true;
    }

    public void Dispose()
    {
        if (!committed && Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
    }
}
