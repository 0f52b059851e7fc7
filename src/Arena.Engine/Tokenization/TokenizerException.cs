namespace Arena.Engine.Tokenization;

/// <summary>A tokenizer file is missing, malformed or of a kind we cannot load.</summary>
/// <remarks>
/// The message is one line, "tokenizer.json in model mistral-v03: problem": it becomes a bake's or a reply's
/// failure reason, shown to users, so it names the file within the model folder and never the folders above it on
/// the worker. <see cref="FilePath"/> keeps the full path for the CLI and tests.
/// </remarks>
public sealed class TokenizerException : Exception
{
    public TokenizerException(string filePath, string problem, Exception? inner = null)
        : this(filePath, InModel(filePath), problem, inner)
    {
    }

    private TokenizerException(string filePath, string location, string problem, Exception? inner)
        : base($"{location}: {OneLine(problem)}", inner)
    {
        FilePath = filePath;
        Problem = OneLine(problem);
    }

    /// <summary>The file (or folder) the problem is about, as given: a full path on this machine.</summary>
    public string FilePath { get; }

    /// <summary>The problem alone, without the file.</summary>
    public string Problem { get; }

    /// <summary>The problem is the model folder itself ("model mistral-v03: model folder does not exist").</summary>
    public static TokenizerException ForModelFolder(string modelDir, string problem) =>
        new(modelDir, $"model {LastName(modelDir)}", problem, null);

    private static string InModel(string filePath) =>
        $"{Path.GetFileName(filePath)} in model {LastName(Path.GetDirectoryName(filePath) ?? "")}";

    private static string LastName(string folder) =>
        Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));

    private static string OneLine(string text) =>
        text.ReplaceLineEndings(" ").Trim();
}
