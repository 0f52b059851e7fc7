using System.Text.Json;

namespace Arena.Engine.Tokenization;

/// <summary>What a tokenizer.json holds: the model and, from its post-processor, the token put in front of every text.</summary>
internal sealed record TokenizerJsonContent(ITokenModel Model, string? TemplateBosToken);

/// <summary>
/// Reads a Hugging Face tokenizer.json with a BPE model: byte-level (GPT-2, Llama-3, Qwen2) into
/// <see cref="ByteLevelBpeModel"/>, SentencePiece-style (Metaspace, byte_fallback: Llama-2, Mistral) into
/// <see cref="MetaspaceBpeModel"/>. Microsoft.ML.Tokenizers has no loader for this format.
/// </summary>
internal static class TokenizerJsonReader
{
    /// <exception cref="TokenizerException">Malformed file, or a model, normalizer or pre-tokenizer we do not support.</exception>
    public static TokenizerJsonContent Read(string path, ModelTokenizerConfig config)
    {
        using JsonDocument document = JsonFile.TryOpen(path) ?? throw new TokenizerException(path, "file not found");
        JsonElement root = document.RootElement;
        JsonElement model = JsonFile.Get(root, "model") ?? throw new TokenizerException(path, "no \"model\" section");
        string type = JsonFile.GetString(model, "type") ?? "BPE"; // older files leave out the type of a BPE model
        if (type != "BPE")
        {
            throw new TokenizerException(path, $"model.type '{type}' is not supported (only BPE)");
        }

        if (JsonFile.GetString(model, "continuing_subword_prefix") is { Length: > 0 }
            || JsonFile.GetString(model, "end_of_word_suffix") is { Length: > 0 })
        {
            throw new TokenizerException(path, "BPE continuing_subword_prefix / end_of_word_suffix is not supported");
        }

        if (!PipelineJsonReader.HasPreTokenizer(root, "ByteLevel"))
        {
            return ReadSentencePieceStyle(root, model, path, config);
        }

        (List<PreTokenizeStep> steps, _) = PipelineJsonReader.ReadPreTokenizer(root, path);

        var pipeline = new ByteLevelPipeline(
            PipelineJsonReader.ReadNormalizer(root, path),
            steps,
            JsonFile.GetBool(model, "ignore_merges") ?? false);
        try
        {
            var bpe = new ByteLevelBpeModel(ReadVocab(model, path), ReadMerges(model, path), ReadAddedTokens(root, path), pipeline);
            return new TokenizerJsonContent(bpe, ReadTemplateBos(JsonFile.Get(root, "post_processor")));
        }
        catch (ArgumentException ex)
        {
            throw new TokenizerException(path, $"inconsistent BPE model: {ex.Message}", ex);
        }
    }

    private static TokenizerJsonContent ReadSentencePieceStyle(
        JsonElement root, JsonElement model, string path, ModelTokenizerConfig config)
    {
        MetaspacePipeline pipeline = MetaspaceJsonReader.Read(root, path, config);
        var settings = new BpeSettings(
            JsonFile.GetString(model, "unk_token"),
            JsonFile.GetBool(model, "byte_fallback") ?? false,
            JsonFile.GetBool(model, "fuse_unk") ?? false,
            JsonFile.GetBool(model, "ignore_merges") ?? false);
        try
        {
            var bpe = new MetaspaceBpeModel(ReadVocab(model, path), ReadMerges(model, path), ReadAddedTokens(root, path), pipeline, settings);
            return new TokenizerJsonContent(bpe, ReadTemplateBos(JsonFile.Get(root, "post_processor")));
        }
        catch (ArgumentException ex)
        {
            throw new TokenizerException(path, $"inconsistent BPE model: {ex.Message}", ex);
        }
    }

    private static Dictionary<string, int> ReadVocab(JsonElement model, string path)
    {
        if (JsonFile.Get(model, "vocab") is not { ValueKind: JsonValueKind.Object } vocab)
        {
            throw new TokenizerException(path, "model.vocab must be an object of token: id");
        }

        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (JsonProperty entry in vocab.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Number || !entry.Value.TryGetInt32(out int id) || id < 0)
            {
                throw new TokenizerException(path, $"model.vocab entry '{entry.Name}' has id {entry.Value.GetRawText()}");
            }

            result[entry.Name] = id;
        }

        return result;
    }

    private static List<(string, string)> ReadMerges(JsonElement model, string path)
    {
        var merges = new List<(string, string)>();
        if (JsonFile.Get(model, "merges") is not { ValueKind: JsonValueKind.Array } array)
        {
            return merges;
        }

        foreach (JsonElement merge in array.EnumerateArray())
        {
            // Older files write "left right", tokenizers >= 0.20 writes ["left", "right"].
            string[]? parts = merge.ValueKind switch
            {
                JsonValueKind.String => merge.GetString()!.Split(' '),
                JsonValueKind.Array => merge.EnumerateArray()
                    .Select(p => p.ValueKind == JsonValueKind.String ? p.GetString()! : "")
                    .ToArray(),
                _ => null,
            };
            if (parts is not [{ Length: > 0 } left, { Length: > 0 } right])
            {
                throw new TokenizerException(path, $"model.merges entry {merge.GetRawText()} is not a pair of tokens");
            }

            merges.Add((left, right));
        }

        return merges;
    }

    private static List<AddedToken> ReadAddedTokens(JsonElement root, string path)
    {
        var tokens = new List<AddedToken>();
        if (JsonFile.Get(root, "added_tokens") is not { ValueKind: JsonValueKind.Array } array)
        {
            return tokens;
        }

        foreach (JsonElement entry in array.EnumerateArray())
        {
            string? content = JsonFile.GetString(entry, "content");
            if (content is not { Length: > 0 } || JsonFile.Get(entry, "id") is not { ValueKind: JsonValueKind.Number } id
                || !id.TryGetInt32(out int value) || value < 0)
            {
                throw new TokenizerException(path, $"added_tokens entry {entry.GetRawText()} needs an id and a content");
            }

            tokens.Add(new AddedToken(
                value,
                content,
                JsonFile.GetBool(entry, "special") ?? false,
                JsonFile.GetBool(entry, "lstrip") ?? false,
                JsonFile.GetBool(entry, "rstrip") ?? false));
        }

        return tokens;
    }

    /// <summary>Llama-3 adds &lt;|begin_of_text|&gt; through a TemplateProcessing post-processor, not a config flag.</summary>
    private static string? ReadTemplateBos(JsonElement? processor)
    {
        if (processor is not { } node)
        {
            return null;
        }

        if (JsonFile.GetString(node, "type") == "Sequence")
        {
            return JsonFile.Get(node, "processors") is { ValueKind: JsonValueKind.Array } children
                ? children.EnumerateArray().Select(child => ReadTemplateBos(child)).FirstOrDefault(bos => bos is not null)
                : null;
        }

        if (JsonFile.GetString(node, "type") != "TemplateProcessing"
            || JsonFile.Get(node, "single") is not { ValueKind: JsonValueKind.Array } single
            || single.GetArrayLength() == 0)
        {
            return null;
        }

        return JsonFile.Get(single[0], "SpecialToken") is { } special ? JsonFile.GetString(special, "id") : null;
    }
}
