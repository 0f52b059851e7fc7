namespace Arena.Engine.Checkpoints.Gguf;

/// <summary>
/// llama.cpp's llama_token_type, written as tokenizer.ggml.token_type: what llama.cpp does with each id. The numbers
/// are sentencepiece's piece types; control tokens are parsed from text only when asked and never merged into.
/// </summary>
static class GgufTokenType
{
    public const int Normal = 1, Unknown = 2, Control = 3, UserDefined = 4, Unused = 5, Byte = 6;
}
