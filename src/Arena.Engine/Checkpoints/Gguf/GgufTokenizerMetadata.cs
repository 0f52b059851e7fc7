using System.Text.Json.Nodes;
using Arena.Engine.Tokenization;

namespace Arena.Engine.Checkpoints.Gguf;

/// <summary>
/// The tokenizer.ggml.* keys and the chat template for a byte-level BPE tokenizer.json (GPT-2, Llama-3, Qwen2, the
/// starter): llama.cpp's "gpt2" tokenizer model, with the pre-tokenizer regex named by tokenizer.ggml.pre.
/// SentencePiece folders (Llama-2, Mistral) would need the "llama" model with scores, which is not written yet.
/// </summary>
public static class GgufTokenizerMetadata
{
    // llama_token_type: what llama.cpp does with each id (control tokens are parsed only when asked, never merged).
    const int Normal = 1, Control = 3, UserDefined = 4, Unused = 5;

    /// <param name="vocabSize">The model's embedding rows; ids the tokenizer lacks are padded as unused tokens, as
    /// llama.cpp's converter does, so the token list matches the embedding.</param>
    public static List<KeyValuePair<string, GgufMetadataValue>> Read(string modelDir, int vocabSize)
    {
        var path = Path.Combine(modelDir, TokenizerLoader.TokenizerJsonFile);
        if (!File.Exists(path))
            throw new CheckpointException(path, "not found: GGUF export needs a byte-level BPE tokenizer.json (SentencePiece tokenizers are not supported for GGUF yet)");
        JsonObject root;
        try { root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new CheckpointException(path, "not a JSON object"); }
        catch (System.Text.Json.JsonException e) { throw new CheckpointException(path, $"invalid JSON ({e.Message.Split('\n')[0]})"); }
        var model = root["model"] as JsonObject ?? throw new CheckpointException(path, "no 'model' section");
        if (model["type"]?.GetValue<string>() != "BPE" || model["byte_fallback"]?.GetValue<bool>() == true)
            throw new CheckpointException(path, "only byte-level BPE tokenizers are supported for GGUF yet (this one is SentencePiece-style)");
        var pre = PreTokenizer(root["pre_tokenizer"], path);

        var tokens = new string?[vocabSize];
        var types = new int[vocabSize];
        foreach (var (token, id) in model["vocab"] as JsonObject ?? throw new CheckpointException(path, "no vocab"))
            Put(tokens, types, id!.GetValue<int>(), token, Normal, path);
        foreach (var added in root["added_tokens"] as JsonArray ?? [])
            Put(tokens, types, added!["id"]!.GetValue<int>(), added["content"]!.GetValue<string>(),
                added["special"]?.GetValue<bool>() == true ? Control : UserDefined, path);
        for (int i = 0; i < vocabSize; i++)
            if (tokens[i] is null) (tokens[i], types[i]) = ($"[PAD{i}]", Unused);

        var merges = (model["merges"] as JsonArray ?? []).Select(m => m switch
        {
            JsonArray pair => $"{pair[0]!.GetValue<string>()} {pair[1]!.GetValue<string>()}",   // newer files: ["a", "b"]
            _ => m!.GetValue<string>(),                                                            // older files: "a b"
        }).ToArray();

        var tok = TokenizerLoader.Load(modelDir);   // Arena's own reading of bos/eos/pad, so the GGUF agrees with the engine
        var kv = new List<KeyValuePair<string, GgufMetadataValue>>
        {
            new("tokenizer.ggml.model", GgufMetadataValue.Of("gpt2")),
            new("tokenizer.ggml.pre", GgufMetadataValue.Of(pre)),
            new("tokenizer.ggml.tokens", GgufMetadataValue.Of(tokens!)),
            new("tokenizer.ggml.token_type", GgufMetadataValue.Of(types)),
            new("tokenizer.ggml.merges", GgufMetadataValue.Of(merges)),
        };
        if (tok.BosId is { } bos) kv.Add(new("tokenizer.ggml.bos_token_id", GgufMetadataValue.Of((uint)bos)));
        if (tok.EosIds.Count > 0) kv.Add(new("tokenizer.ggml.eos_token_id", GgufMetadataValue.Of((uint)tok.EosIds[0])));
        if (tok.PadId is { } pad) kv.Add(new("tokenizer.ggml.padding_token_id", GgufMetadataValue.Of((uint)pad)));
        kv.Add(new("tokenizer.ggml.add_bos_token", GgufMetadataValue.Of(tok.AddBos)));
        kv.Add(new("tokenizer.ggml.add_eos_token", GgufMetadataValue.Of(false)));
        if (ModelTokenizerConfig.Read(modelDir).ChatTemplate is { } template)
            kv.Add(new("tokenizer.chat_template", GgufMetadataValue.Of(template)));
        return kv;
    }

    static void Put(string?[] tokens, int[] types, int id, string token, int type, string path)
    {
        if (id < 0 || id >= tokens.Length)
            throw new CheckpointException(path, $"token id {id} ('{token}') is outside the model's vocabulary of {tokens.Length}");
        (tokens[id], types[id]) = (token, type);
    }

    /// <summary>llama.cpp's name for the split regex: each pre-tokenizer type selects its regexes by this name.</summary>
    static string PreTokenizer(JsonNode? pre, string path)
    {
        if (pre is JsonObject { } p && p["type"]?.GetValue<string>() == "ByteLevel" && p["use_regex"]?.GetValue<bool>() != false)
            return "gpt-2";   // llama.cpp names the GPT-2 split "gpt-2" (the tokenizer model itself is "gpt2")
        var pattern = (pre?["pretokenizers"] as JsonArray)?
            .Select(x => x?["pattern"]?["Regex"]?.GetValue<string>())
            .FirstOrDefault(x => x is not null);
        return pattern switch
        {
            ByteLevelPatterns.Llama3 => "llama-bpe",
            ByteLevelPatterns.Qwen2 => "qwen2",
            _ => throw new CheckpointException(path, "this tokenizer's pre-tokenizer is not supported for GGUF yet (supported: GPT-2, Llama-3, Qwen2 splits)"),
        };
    }
}
