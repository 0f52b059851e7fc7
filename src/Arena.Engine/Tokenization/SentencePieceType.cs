namespace Arena.Engine.Tokenization;

/// <summary>sentencepiece_model.proto's ModelProto.SentencePiece.Type; GGUF's token_type uses the same numbers.</summary>
internal enum SentencePieceType
{
    Normal = 1,
    Unknown = 2,

    /// <summary>&lt;s&gt;, &lt;/s&gt;, [INST]: never produced from text by sentencepiece; Hugging Face makes them special added tokens.</summary>
    Control = 3,

    /// <summary>Always one piece wherever it appears in text; Hugging Face makes them (non-special) added tokens.</summary>
    UserDefined = 4,
    Unused = 5,

    /// <summary>A byte-fallback piece, written "&lt;0xNN&gt;".</summary>
    Byte = 6,
}
