namespace Arena.Testing;

/// <summary>Paths into the repository the tests run from (found by walking up to Arena.sln).</summary>
public static class RepoPaths
{
    public static readonly string Root = FindRoot();
    public static string Models => Path.Combine(Root, "models");
    public static string Starter => Path.Combine(Models, "starter");

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Arena.sln"))) return dir.FullName;
        throw new InvalidOperationException("Arena.sln not found above " + AppContext.BaseDirectory);
    }
}
