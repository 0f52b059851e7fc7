namespace Arena.Testing;

/// <summary>Paths into the repository the tests run from (found by walking up to Arena.sln).</summary>
public static class RepoPaths
{
    public static readonly string Root = FindRoot();
    public static string Models => Path.Combine(Root, "models");
    /// <summary>The starter's base-model name: its folder under <see cref="Models"/>.</summary>
    public const string StarterName = "starter";
    public static string Starter => Path.Combine(Models, StarterName);

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Arena.sln"))) return dir.FullName;
        throw new InvalidOperationException("Arena.sln not found above " + AppContext.BaseDirectory);
    }
}
