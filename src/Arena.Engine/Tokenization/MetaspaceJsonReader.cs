using System.Text.Json;

namespace Arena.Engine.Tokenization;

/// <summary>
/// Reads the pipeline of a SentencePiece-style BPE tokenizer.json (no ByteLevel stage): the normalizer, a
/// Metaspace pre-tokenizer or none, and what the decoder does to the leading space. Anything else is an error
/// naming the construct: a silently different pipeline would give silently different ids.
/// </summary>
internal static class MetaspaceJsonReader
{
    /// <exception cref="TokenizerException">An unknown or unsupported normalizer, pre_tokenizer or decoder.</exception>
    public static MetaspacePipeline Read(JsonElement root, string path, ModelTokenizerConfig config)
    {
        Func<string, string>? normalizer = PipelineJsonReader.ReadNormalizer(root, path);
        (char? replacement, PrependScheme prepend, bool split) = (null, PrependScheme.Never, false);
        if (JsonFile.Get(root, "pre_tokenizer") is { ValueKind: JsonValueKind.Object } preTokenizer)
        {
            (replacement, prepend, split) = ReadMetaspace(preTokenizer, path);
        }

        bool strips = JsonFile.Get(root, "decoder") is { ValueKind: JsonValueKind.Object } decoder && StripsLeadingSpace(decoder, path);
        if (config.Legacy == false)
        {
            // transformers' LlamaTokenizer(Fast) with legacy: false ignores the file's normalizer and prefix rule
            // (PR huggingface/transformers#24565): spaces become "▁", and only the start of the text gets one.
            return new MetaspacePipeline(
                null, MetaspacePipeline.SpaceMarker, PrependScheme.Never, false, config.AddPrefixSpace ?? true, strips);
        }

        return new MetaspacePipeline(normalizer, replacement, prepend, split, false, strips);
    }

    private static (char? Replacement, PrependScheme Prepend, bool Split) ReadMetaspace(JsonElement node, string path)
    {
        string type = JsonFile.GetString(node, "type") ?? "";
        if (type == "Sequence"
            && JsonFile.Get(node, "pretokenizers") is { ValueKind: JsonValueKind.Array } children
            && children.GetArrayLength() == 1)
        {
            return ReadMetaspace(children[0], path);
        }

        if (type != "Metaspace")
        {
            throw new TokenizerException(path, $"pre_tokenizer type '{type}' is not supported for a BPE model without ByteLevel (only Metaspace)");
        }

        string replacement = JsonFile.GetString(node, "replacement") ?? MetaspacePipeline.SpaceMarker.ToString();
        if (replacement.Length != 1)
        {
            throw new TokenizerException(path, $"Metaspace replacement '{replacement}' must be one character");
        }

        return (replacement[0], ReadPrependScheme(node, path), JsonFile.GetBool(node, "split") ?? true);
    }

    /// <summary>prepend_scheme, or for files older than tokenizers 0.14 add_prefix_space (true = always).</summary>
    private static PrependScheme ReadPrependScheme(JsonElement node, string path)
    {
        string? scheme = JsonFile.GetString(node, "prepend_scheme");
        return scheme switch
        {
            "always" => PrependScheme.Always,
            "first" => PrependScheme.First,
            "never" => PrependScheme.Never,
            null => JsonFile.GetBool(node, "add_prefix_space") ?? true ? PrependScheme.Always : PrependScheme.Never,
            _ => throw new TokenizerException(path, $"Metaspace prepend_scheme '{scheme}' is not known"),
        };
    }

    private static bool StripsLeadingSpace(JsonElement node, string path)
    {
        string type = JsonFile.GetString(node, "type") ?? "";
        switch (type)
        {
            case "Sequence":
                return JsonFile.Get(node, "decoders") is { ValueKind: JsonValueKind.Array } children
                    && children.EnumerateArray().Select(child => StripsLeadingSpace(child, path)).ToList().Any(s => s);
            case "Strip":
                return JsonFile.GetString(node, "content") == " "
                    && JsonFile.Get(node, "start") is { ValueKind: JsonValueKind.Number } start && start.GetInt32() > 0;
            case "Metaspace":
                return ReadPrependScheme(node, path) != PrependScheme.Never;
            case "Replace" or "ByteFallback" or "Fuse":
                return false; // what TokenBytes already does: "▁" → " ", <0xNN> → byte, concatenation
            default:
                throw new TokenizerException(path, $"decoder type '{type}' is not supported for a BPE model without ByteLevel");
        }
    }
}
