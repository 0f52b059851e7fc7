namespace Arena.Engine.Checkpoints;

/// <summary>
/// A folder written whole or not at all: everything goes into a hidden sibling, which <see cref="Commit"/> moves into
/// place, so a failed or interrupted run never leaves a half-written folder where a reader would take it as done.
/// </summary>
public sealed class StagedFolder : IDisposable
{
    bool _committed;

    /// <param name="tag">Names the staging sibling; the same tag reuses (and first clears) what a crashed attempt left.</param>
    /// <param name="replace">Whether a folder with content may be replaced; an empty one always may.</param>
    /// <exception cref="IOException">The target is a file, holds something and may not be replaced, or is not writable.</exception>
    public StagedFolder(string target, string tag, bool replace)
    {
        Target = Path.GetFullPath(target);
        Replace = replace;
        if (File.Exists(Target)) throw new IOException($"{target}: exists and is a file");
        if (!replace && HasContent(Target)) throw new IOException($"{target}: exists and is not empty");
        var parent = Path.GetDirectoryName(Target) ?? ".";
        Staging = Path.Combine(parent, $".{Path.GetFileName(Target)}.tmp-{tag}");
        try
        {
            Directory.CreateDirectory(parent);
            if (Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
            Directory.CreateDirectory(Staging);
            // Fail now, not after an hour of work, if the place cannot be written.
            File.WriteAllText(Path.Combine(Staging, ".probe"), "");
            File.Delete(Path.Combine(Staging, ".probe"));
        }
        catch (UnauthorizedAccessException e) { throw new IOException($"{target}: not writable ({e.Message})", e); }
    }

    public string Target { get; }
    public string Staging { get; }
    bool Replace { get; }

    public string PathOf(string name) => Path.Combine(Staging, name);

    public void Commit()
    {
        // Checked again: something may have appeared while the work ran, and only what we may replace goes.
        if (Directory.Exists(Target))
        {
            if (!Replace && HasContent(Target)) throw new IOException($"{Target}: something was written there meanwhile; it is left as it is");
            Directory.Delete(Target, recursive: true);
        }
        Directory.Move(Staging, Target);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
    }

    static bool HasContent(string dir) => Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any();
}
