using Arena.Engine.Checkpoints;

namespace Arena.Engine.Tests.Checkpoints;

/// <summary>The one writer of output folders (the CLI's --out, the worker's adapters): whole or not at all.</summary>
public sealed class StagedFolderTests
{
    [Fact]
    public void NothingAppearsAtTheTargetUntilCommit()
    {
        var target = Path.Combine(Fixture.TempDir(), "out");
        using (var folder = new StagedFolder(target, "t1", replace: false))
        {
            File.WriteAllText(folder.PathOf("a.txt"), "a");
            Assert.False(Directory.Exists(target));
            folder.Commit();
        }
        Assert.Equal("a", File.ReadAllText(Path.Combine(target, "a.txt")));
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(target)!, ".out.tmp-*"));
    }

    [Fact]
    public void AnUncommittedFolderLeavesNoTrace()
    {
        var parent = Fixture.TempDir();
        var target = Path.Combine(parent, "out");
        using (var folder = new StagedFolder(target, "t2", replace: false)) File.WriteAllText(folder.PathOf("half.txt"), "half");
        Assert.Empty(Directory.EnumerateFileSystemEntries(parent));
    }

    [Fact]
    public void AFolderWithContentIsReplacedOnlyWhenAllowed()
    {
        var target = Path.Combine(Fixture.TempDir(), "out");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "keep.txt"), "mine");

        var e = Assert.Throws<IOException>(() => new StagedFolder(target, "t3", replace: false));
        Assert.Contains("exists and is not empty", e.Message);
        Assert.True(File.Exists(Path.Combine(target, "keep.txt")));

        using (var folder = new StagedFolder(target, "t3", replace: true))
        {
            File.WriteAllText(folder.PathOf("new.txt"), "new");
            folder.Commit();
        }
        Assert.Equal(["new.txt"], Directory.GetFiles(target).Select(Path.GetFileName));
    }

    [Fact]
    public void SomethingWrittenAtTheTargetMeanwhileIsLeftAlone()
    {
        var target = Path.Combine(Fixture.TempDir(), "out");
        using var folder = new StagedFolder(target, "t4", replace: false);
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "theirs.txt"), "theirs");

        Assert.Throws<IOException>(folder.Commit);
        Assert.Equal("theirs", File.ReadAllText(Path.Combine(target, "theirs.txt")));
    }
}
