namespace Arena.Engine.Tokenization;

/// <summary>What <see cref="TextTokenizer"/> needs from a tokenizer family (byte-level BPE, SentencePiece).</summary>
internal interface ITokenModel
{
    string Kind { get; }

    /// <summary>Highest id + 1, added tokens included (HF's len(tokenizer)).</summary>
    int VocabSize { get; }

    IReadOnlyList<AddedToken> AddedTokens { get; }

    /// <summary>SentencePiece adds a "▁" in front of the text; decoding drops the one leading space it becomes.</summary>
    bool StripsLeadingSpace { get; }

    /// <summary>Ids the model file itself names (SentencePiece's bos/eos); used when no config says otherwise.</summary>
    int? DefaultBosId { get; }

    int? DefaultEosId { get; }

    /// <summary>Appends the ids of <paramref name="text"/>, added tokens included, no bos.</summary>
    void Encode(string text, List<int> ids);

    /// <summary>The bytes <paramref name="id"/> stands for; empty for an id outside the vocabulary.</summary>
    ReadOnlySpan<byte> TokenBytes(int id);

    bool IsSpecial(int id);

    int? TokenToId(string token);

    string? IdToToken(int id);
}
