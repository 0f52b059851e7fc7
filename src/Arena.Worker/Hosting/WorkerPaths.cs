using Microsoft.Extensions.Options;

namespace Arena.Worker.Hosting;

/// <summary>
/// Resolves the relative paths that arrive on the bus against the worker's own roots. They are untrusted input, so
/// anything absolute or climbing out of its root ("..") is refused rather than normalised into something else.
/// </summary>
public sealed class WorkerPaths(IOptions<WorkerOptions> options)
{
    public string ModelsRoot => Path.GetFullPath(options.Value.ModelsPath);
    public string ArtifactsRoot => Path.GetFullPath(options.Value.ArtifactsPath);

    /// <summary>The folder of base checkpoint <paramref name="name"/>: a single folder name under the models root.</summary>
    public string BaseModel(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(['/', '\\']) >= 0)
            throw new InvalidRequestException($"base model name '{name}' must be a plain folder name");
        return Resolve(ModelsRoot, name, "base model");
    }

    public string Artifact(string relative) => Resolve(ArtifactsRoot, relative, "artifact path");

    internal static string Resolve(string root, string relative, string what)
    {
        if (string.IsNullOrWhiteSpace(relative)) throw new InvalidRequestException($"the {what} is empty");
        if (Path.IsPathRooted(relative) || relative.StartsWith('~'))
            throw new InvalidRequestException($"the {what} '{relative}' must be relative");
        if (relative.Split('/', '\\').Any(s => s is ".." or "."))
            throw new InvalidRequestException($"the {what} '{relative}' must not contain '.' or '..' segments");
        var full = Path.GetFullPath(Path.Combine(root, relative));
        // Belt and braces after the segment check: the result must lie strictly inside the root.
        if (!full.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidRequestException($"the {what} '{relative}' leaves its root");
        return full;
    }
}
