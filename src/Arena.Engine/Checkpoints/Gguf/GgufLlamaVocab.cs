using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Arena.Engine.Tokenization;

namespace Arena.Engine.Checkpoints.Gguf;

/// <summary>
/// A SentencePiece BPE tokenizer (Llama-2, Mistral) as llama.cpp's "llama" tokenizer model: every piece with its
/// score and type. llama.cpp merges the adjacent pair whose joined piece has the highest score, so the scores are
/// its merge order.
/// </summary>
static partial class GgufLlamaVocab
{
    // What convert_hf_to_gguf.py writes for ids past the tokenizer's and for tokens tokenizer_config.json adds.
    const float PadScore = -10000f, AddedScore = -1000f;

    /// <summary>
    /// From tokenizer.model when there is one, as convert_hf_to_gguf.py's _set_vocab_sentencepiece does (it tries
    /// that first); else from a SentencePiece-style tokenizer.json.
    /// </summary>
    public static List<KeyValuePair<string, GgufMetadataValue>> Read(string modelDir, int vocabSize)
    {
        var modelPath = Path.Combine(modelDir, TokenizerLoader.SentencePieceFile);
        var (tokens, scores, types, unk) = File.Exists(modelPath)
            ? FromTokenizerModel(modelPath, vocabSize)
            : FromTokenizerJson(Path.Combine(modelDir, TokenizerLoader.TokenizerJsonFile), vocabSize);
        AddConfiguredTokens(ModelTokenizerConfig.Read(modelDir).AddedTokens, tokens, scores, types);
        var kv = new List<KeyValuePair<string, GgufMetadataValue>>
        {
            new("tokenizer.ggml.model", GgufMetadataValue.Of("llama")),
            new("tokenizer.ggml.pre", GgufMetadataValue.Of("default")),
            new("tokenizer.ggml.tokens", GgufMetadataValue.Of(tokens!)),
            new("tokenizer.ggml.scores", GgufMetadataValue.Of(scores)),
            new("tokenizer.ggml.token_type", GgufMetadataValue.Of(types)),
        };
        if (unk is { } u) kv.Add(new("tokenizer.ggml.unknown_token_id", GgufMetadataValue.Of((uint)u)));
        return kv;
    }

    /// <summary>_create_vocab_sentencepiece: each piece with its own score and its type (the numbers agree).</summary>
    static (string?[], float[], int[], int?) FromTokenizerModel(string path, int vocabSize)
    {
        SentencePieceModelFile file;
        try { file = SentencePieceModelFile.Parse(File.ReadAllBytes(path)); }
        catch (InvalidDataException e) { throw new CheckpointException(path, $"not a readable sentencepiece model ({e.Message})"); }
        var (tokens, scores, types) = Padded(vocabSize);
        for (int id = 0; id < file.Pieces.Count; id++)
        {
            var piece = file.Pieces[id];
            GgufTokenizerJson.Put(tokens, types, id, piece.Piece, piece.Type switch
            {
                SentencePieceType.Unknown => GgufTokenType.Unknown,
                SentencePieceType.Control => GgufTokenType.Control,
                SentencePieceType.Unused => GgufTokenType.Unused,
                SentencePieceType.Byte => GgufTokenType.Byte,
                _ => GgufTokenType.Normal,   // the converter has no user-defined test: those stay normal unless the config adds them
            }, path);
            scores[id] = piece.Score;
        }
        return (tokens, scores, types, file.PieceOf(file.UnkId) is null ? null : file.UnkId);
    }

    /// <summary>
    /// The tokenizer.json's vocabulary and added tokens, typed as a tokenizer.model would type them. Scores come
    /// from the merges: a piece scores minus the rank of its best merge, so llama.cpp, which merges by score, merges
    /// in Hugging Face's order. (gguf-py's LlamaHfVocab gives every piece -1000 and marks only bos/eos/unk as control;
    /// llama.cpp then merges any pair leftmost-first and reads [INST] in text as plain characters.)
    /// </summary>
    static (string?[], float[], int[], int?) FromTokenizerJson(string path, int vocabSize)
    {
        var root = GgufTokenizerJson.Read(path);
        var model = root["model"] as JsonObject ?? throw new CheckpointException(path, "no 'model' section");
        var (tokens, scores, types) = Padded(vocabSize);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (token, id) in model["vocab"] as JsonObject ?? throw new CheckpointException(path, "no vocab"))
        {
            ids[token] = id!.GetValue<int>();
            GgufTokenizerJson.Put(tokens, types, ids[token], token, BytePiece().IsMatch(token) ? GgufTokenType.Byte : GgufTokenType.Normal, path);
            scores[ids[token]] = 0f;   // never made by a merge: sentencepiece's single characters, bytes and controls
        }

        int rank = 0;
        foreach (var (left, right) in GgufTokenizerJson.Merges(model))
        {
            rank++;
            if (ids.TryGetValue(left + right, out int merged) && scores[merged] == 0f) scores[merged] = -rank;
        }

        int? unk = model["unk_token"]?.GetValue<string>() is { } unkToken && ids.TryGetValue(unkToken, out int u) ? u : null;
        if (unk is { } unkId) types[unkId] = GgufTokenType.Unknown;
        foreach (var added in root["added_tokens"] as JsonArray ?? [])
        {
            int id = added!["id"]!.GetValue<int>();
            if (id == unk) continue;
            GgufTokenizerJson.Put(tokens, types, id, added["content"]!.GetValue<string>(),
                added["special"]?.GetValue<bool>() == true ? GgufTokenType.Control : GgufTokenType.UserDefined, path);
        }
        return (tokens, scores, types, unk);
    }

    /// <summary>
    /// tokenizer_config.json's added_tokens_decoder, as _create_vocab_sentencepiece applies it: special (or
    /// special-looking) tokens become control, others user-defined with "▁" written as a space; all score -1000.
    /// </summary>
    static void AddConfiguredTokens(IReadOnlyList<AddedToken> configured, string?[] tokens, float[] scores, int[] types)
    {
        foreach (var added in configured)
        {
            if (added.Id >= tokens.Length) continue;   // the converter ignores ids past the embedding, with a warning
            bool control = added.Special || LooksSpecial(added.Content);
            tokens[added.Id] = control ? added.Content : added.Content.Replace('\u2581', ' ');
            types[added.Id] = control ? GgufTokenType.Control : GgufTokenType.UserDefined;
            scores[added.Id] = AddedScore;
        }
    }

    /// <summary>convert_hf_to_gguf.py's does_token_look_special: added tokens some models forget to mark special.</summary>
    static bool LooksSpecial(string token) =>
        token is "<pad>" or "<mask>" or "<2mass>" or "[@BOS@]"
        || (token.StartsWith("<|") && token.EndsWith("|>"))
        || (token.StartsWith("<｜") && token.EndsWith("｜>"))
        || (token.StartsWith("<unused") && token.EndsWith('>'));

    static (string?[], float[], int[]) Padded(int vocabSize)
    {
        var tokens = new string?[vocabSize];
        var scores = new float[vocabSize];
        var types = new int[vocabSize];
        for (int i = 0; i < vocabSize; i++) (tokens[i], scores[i], types[i]) = ($"[PAD{i}]", PadScore, GgufTokenType.Unused);
        return (tokens, scores, types);
    }

    [GeneratedRegex("^<0x[0-9A-Fa-f]{2}>$")]
    private static partial Regex BytePiece();
}
