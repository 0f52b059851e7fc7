namespace Arena.Worker.Tests.Support;

/// <summary>The repository's committed starter model, found by walking up from the test binaries to Arena.sln.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string ModelsRoot => Path.Combine(Root, "models");

    public const string StarterModel = "starter";

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Arena.sln"))) return dir.FullName;
        throw new InvalidOperationException("Arena.sln not found above " + AppContext.BaseDirectory);
    }
}
