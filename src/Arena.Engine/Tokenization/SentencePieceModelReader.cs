namespace Arena.Engine.Tokenization;

/// <summary>
/// Reads a sentencepiece BPE tokenizer.model (Llama-2, Mistral) into the same <see cref="MetaspaceBpeModel"/> a
/// tokenizer.json of that model gives, built as transformers' LlamaConverter builds the tokenizer.json: merges from
/// the piece scores (<see cref="SentencePieceMerges"/>), control pieces as special added tokens, user-defined pieces
/// as added tokens, unknown characters as &lt;0xNN&gt; pieces when the model has byte fallback.
/// </summary>
internal static class SentencePieceModelReader
{
    /// <exception cref="TokenizerException">Not a sentencepiece model, not BPE, or inconsistent.</exception>
    public static MetaspaceBpeModel Read(string path, ModelTokenizerConfig config)
    {
        SentencePieceModelFile file = Parse(path);
        if (file.ModelType != SentencePieceModelFile.Bpe)
        {
            string kind = file.ModelType switch { 1 => "UNIGRAM", 3 => "WORD", 4 => "CHAR", _ => file.ModelType.ToString() };
            throw new TokenizerException(path, $"sentencepiece model_type {kind} is not supported (only BPE)");
        }

        if (file.Pieces.Count == 0)
        {
            throw new TokenizerException(path, "sentencepiece model has no pieces");
        }

        if (!file.EscapeWhitespaces)
        {
            throw new TokenizerException(path, "sentencepiece normalizer_spec.escape_whitespaces = false is not supported");
        }

        var vocab = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int id = 0; id < file.Pieces.Count; id++)
        {
            vocab[file.Pieces[id].Piece] = id;
        }

        var settings = new BpeSettings(file.PieceOf(file.UnkId), file.ByteFallback, FuseUnk: true, IgnoreMerges: false);
        try
        {
            return new MetaspaceBpeModel(vocab, SentencePieceMerges.Extract(file.Pieces), AddedTokens(file, config), Pipeline(file, config), settings)
            {
                DefaultBosId = file.PieceOf(file.BosId) is null ? null : file.BosId,
                DefaultEosId = file.PieceOf(file.EosId) is null ? null : file.EosId,
            };
        }
        catch (ArgumentException ex)
        {
            throw new TokenizerException(path, $"inconsistent sentencepiece model: {ex.Message}", ex);
        }
    }

    private static SentencePieceModelFile Parse(string path)
    {
        try
        {
            return SentencePieceModelFile.Parse(File.ReadAllBytes(path));
        }
        catch (InvalidDataException ex)
        {
            throw new TokenizerException(path, $"not a readable sentencepiece model ({ex.Message})", ex);
        }
    }

    /// <summary>
    /// LlamaConverter's pipeline. legacy (the default): every text segment gets a "▁" in front and spaces become
    /// "▁" (its Prepend + Replace normalizer); legacy: false: one "▁" at the start of the whole text only, as
    /// <see cref="MetaspaceJsonReader"/> does for a tokenizer.json. add_prefix_space falls back to the model's own
    /// add_dummy_prefix. remove_extra_whitespaces is ignored, as transformers' converter ignores it (Llama-2 and
    /// Mistral have it off).
    /// </summary>
    private static MetaspacePipeline Pipeline(SentencePieceModelFile file, ModelTokenizerConfig config)
    {
        bool prefix = config.AddPrefixSpace ?? file.AddDummyPrefix;
        if (config.Legacy == false)
        {
            return new MetaspacePipeline(null, MetaspacePipeline.SpaceMarker, PrependScheme.Never, false, prefix, prefix);
        }

        const string marker = "\u2581";
        Func<string, string> normalizer = prefix
            ? text => text.Length == 0 ? text : marker + text.Replace(" ", marker)
            : text => text.Replace(" ", marker);
        return new MetaspacePipeline(normalizer, null, PrependScheme.Never, false, false, prefix);
    }

    /// <summary>
    /// The model's control pieces (special) and user-defined pieces (not special), as the converter adds them; the
    /// unknown piece is special too, as transformers makes unk_token. tokenizer_config.json's added_tokens_decoder
    /// has the last word on an id, and may add ids past the model's pieces.
    /// </summary>
    private static List<AddedToken> AddedTokens(SentencePieceModelFile file, ModelTokenizerConfig config)
    {
        var added = new SortedDictionary<int, AddedToken>();
        for (int id = 0; id < file.Pieces.Count; id++)
        {
            SentencePiece piece = file.Pieces[id];
            if (piece.Type is SentencePieceType.Control or SentencePieceType.Unknown or SentencePieceType.UserDefined)
            {
                added[id] = new AddedToken(id, piece.Piece, Special: piece.Type != SentencePieceType.UserDefined);
            }
        }

        foreach (AddedToken token in config.AddedTokens)
        {
            added[token.Id] = token;
        }

        return added.Values.ToList();
    }
}
