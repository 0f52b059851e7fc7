namespace Arena.Engine.Tokenization;

/// <summary>A tokenizer file is missing, malformed or of a kind we cannot load.</summary>
/// <remarks>The message is one line, "FILE: problem", so it reads well in logs and CLI output.</remarks>
public sealed class TokenizerException : Exception
{
    public TokenizerException(string filePath, string problem, Exception? inner = null)
        : base($"{filePath}: {OneLine(problem)}", inner)
    {
        FilePath = filePath;
    }

    /// <summary>The file (or folder) the problem is about.</summary>
    public string FilePath { get; }

    private static string OneLine(string text) =>
        text.ReplaceLineEndings(" ").Trim();
}
