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

    /// <summary>
    /// True when the file is well formed but describes a tokenizer kind we do not support; the loader then
    /// falls back to another file in the folder (a Llama-2 tokenizer.json next to its tokenizer.model).
    /// </summary>
    internal bool IsUnsupportedFormat { get; init; }

    private static string OneLine(string text) =>
        text.ReplaceLineEndings(" ").Trim();
}
