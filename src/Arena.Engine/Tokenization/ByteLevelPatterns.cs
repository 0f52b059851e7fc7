using System.Text.RegularExpressions;

namespace Arena.Engine.Tokenization;

/// <summary>
/// The pre-tokenizer regexes of the byte-level BPE families, exactly as they appear in Hugging Face
/// tokenizer.json files. Text is split into pieces by these before BPE merges run inside each piece.
/// </summary>
public static partial class ByteLevelPatterns
{
    /// <summary>GPT-2's split, used by a plain ByteLevel pre-tokenizer with use_regex = true.</summary>
    public const string Gpt2 =
        @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";

    /// <summary>Llama-3's split (numbers in runs of up to three digits).</summary>
    public const string Llama3 =
        @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    /// <summary>Qwen2's split: Llama-3's with every digit on its own.</summary>
    public const string Qwen2 =
        @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    /// <summary>A .NET regex for <paramref name="pattern"/>: source-generated for the known ones, compiled otherwise.</summary>
    /// <exception cref="ArgumentException">The pattern uses syntax .NET does not accept (e.g. possessive quantifiers).</exception>
    internal static Regex ToRegex(string pattern) => pattern switch
    {
        Gpt2 => Gpt2Regex(),
        Llama3 => Llama3Regex(),
        Qwen2 => Qwen2Regex(),
        _ => new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled),
    };

    /// <summary>
    /// <see cref="Gpt2"/> as a source-generated .NET regex. It sees UTF-16 units: the tokenizer wraps it in
    /// <see cref="CodePointRegex"/> to split characters outside the BMP as Hugging Face does.
    /// </summary>
    // CultureInvariant keeps (?i:'s) from following the current culture's casing rules (Turkish dotless i).
    [GeneratedRegex(Gpt2, RegexOptions.CultureInvariant)]
    public static partial Regex Gpt2Regex();

    [GeneratedRegex(Llama3, RegexOptions.CultureInvariant)]
    private static partial Regex Llama3Regex();

    [GeneratedRegex(Qwen2, RegexOptions.CultureInvariant)]
    private static partial Regex Qwen2Regex();
}
