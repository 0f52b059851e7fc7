using System.Diagnostics;
using System.Text;
using Arena.Testing;

namespace Arena.Web.Tests.Integration;

/// <summary>
/// The built web app (src/Arena.Web's build output) as a real OS process: the single-machine platform, worker and
/// in-memory bus inside it, on the given database schema and artifact folder. What it writes to the console is kept
/// for the failure message of a test that needed it.
/// </summary>
public sealed class WebProcess : IDisposable
{
    readonly Process process;
    readonly StringBuilder output = new();

    WebProcess(Process process) => this.process = process;

    /// <param name="settings">Configuration added as environment variables (e.g. Arena__Bus = InMemory).</param>
    public static WebProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        var psi = new ProcessStartInfo("dotnet", [AppPath()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Port 0: the system picks a free one, so a test never collides with a running app.
        psi.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings) psi.Environment[key] = value;
        var process = Process.Start(psi) ?? throw new InvalidOperationException("dotnet did not start");
        var web = new WebProcess(process);
        process.OutputDataReceived += (_, e) => web.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => web.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return web;
    }

    public bool HasExited => process.HasExited;

    /// <summary>The last lines the app wrote (for a failure message).</summary>
    public string Output
    {
        get { lock (output) return output.Length <= 8000 ? output.ToString() : output.ToString(output.Length - 8000, 8000); }
    }

    /// <summary>Kills the app and everything it started, as a crash or an OOM kill would: nothing runs its shutdown.</summary>
    public void Kill()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    void Keep(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    /// <summary>Arena.Web.dll in its own build output (Release or Debug, whichever this test was built as).</summary>
    static string AppPath()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";
        var bin = Path.Combine(RepoPaths.Root, "src", "Arena.Web", "bin", configuration);
        var app = Directory.Exists(bin)
            ? Directory.EnumerateFiles(bin, "Arena.Web.dll", SearchOption.AllDirectories)
                .Where(f => File.Exists(Path.ChangeExtension(f, ".runtimeconfig.json")))
                .OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            : null;
        return app ?? throw new InvalidOperationException($"no built Arena.Web.dll under {bin}: build the solution (or tests/Arena.Web.Tests) first");
    }
}
