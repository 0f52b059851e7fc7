using System.Text.Json.Nodes;
using Arena.Engine.Tokenization;

namespace Arena.Engine.Checkpoints.Gguf;

/// <summary>
/// A byte-level BPE tokenizer.json (GPT-2, Llama-3, Qwen2, the starter) as llama.cpp's "gpt2" tokenizer model: the
/// tokens, their types and the merges, with the pre-tokenizer regex named by tokenizer.ggml.pre.
/// </summary>
static class GgufGpt2Vocab
{
    /// <param name="vocabSize">The model's embedding rows; ids the tokenizer lacks are padded as unused tokens, as
    /// llama.cpp's converter does, so the token list matches the embedding.</param>
    public static List<KeyValuePair<string, GgufMetadataValue>> Read(string modelDir, int vocabSize)
    {
        var path = Path.Combine(modelDir, TokenizerLoader.TokenizerJsonFile);
        var root = GgufTokenizerJson.Read(path);
        var model = root["model"] as JsonObject ?? throw new CheckpointException(path, "no 'model' section");
        var pre = PreTokenizer(root["pre_tokenizer"], path);

        var tokens = new string?[vocabSize];
        var types = new int[vocabSize];
        foreach (var (token, id) in model["vocab"] as JsonObject ?? throw new CheckpointException(path, "no vocab"))
            GgufTokenizerJson.Put(tokens, types, id!.GetValue<int>(), token, GgufTokenType.Normal, path);
        foreach (var added in root["added_tokens"] as JsonArray ?? [])
            GgufTokenizerJson.Put(tokens, types, added!["id"]!.GetValue<int>(), added["content"]!.GetValue<string>(),
                added["special"]?.GetValue<bool>() == true ? GgufTokenType.Control : GgufTokenType.UserDefined, path);
        for (int i = 0; i < vocabSize; i++)
            if (tokens[i] is null) (tokens[i], types[i]) = ($"[PAD{i}]", GgufTokenType.Unused);

        var merges = GgufTokenizerJson.Merges(model).Select(m => $"{m.Left} {m.Right}").ToArray();
        return
        [
            new("tokenizer.ggml.model", GgufMetadataValue.Of("gpt2")),
            new("tokenizer.ggml.pre", GgufMetadataValue.Of(pre)),
            new("tokenizer.ggml.tokens", GgufMetadataValue.Of(tokens!)),
            new("tokenizer.ggml.token_type", GgufMetadataValue.Of(types)),
            new("tokenizer.ggml.merges", GgufMetadataValue.Of(merges)),
        ];
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
