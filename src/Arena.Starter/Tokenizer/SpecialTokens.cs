namespace Arena.Starter.Tokenizer;

/// <summary>The special tokens of the starter tokenizer: ChatML's two markers and the document separator.</summary>
public static class SpecialTokens
{
    /// <summary>Separates documents in pre-training streams; also the padding token.</summary>
    public const string EndOfText = "<|endoftext|>";

    /// <summary>Opens a ChatML message; followed by the role and a newline.</summary>
    public const string ImStart = "<|im_start|>";

    /// <summary>Closes a ChatML message; the end-of-sequence token of a chat reply.</summary>
    public const string ImEnd = "<|im_end|>";

    /// <summary>All special tokens, in the order their ids are assigned.</summary>
    public static IReadOnlyList<string> All { get; } = [EndOfText, ImStart, ImEnd];
}
