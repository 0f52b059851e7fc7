using System.Text.Encodings.Web;
using System.Text.Json;

namespace Arena.Engine.Tokenization;

/// <summary>
/// Writes a byte-level BPE as a standard Hugging Face tokenizer.json (what GPT-2 style trainers emit), loadable
/// by <see cref="TokenizerLoader"/> and by Hugging Face tokenizers/transformers. The bytes are a pure function of the
/// arguments (fixed key order, "\n" newlines on every OS), so a rebuilt tokenizer can be compared byte for byte.
/// </summary>
public static class TokenizerJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep "Ġthe" readable instead of "\u0120the"
    };

    /// <param name="vocab">Tokens in <see cref="ByteLevelAlphabet"/> form → id.</param>
    /// <param name="merges">Merge rules by rank; both halves and their join must be in <paramref name="vocab"/>.</param>
    /// <param name="splitPattern">
    /// Null writes the plain ByteLevel pre-tokenizer (GPT-2's split); a pattern writes Split(pattern) + ByteLevel,
    /// as Llama-3 and Qwen2 files do.
    /// </param>
    /// <exception cref="ArgumentException">Repeated ids, or a merge naming tokens missing from the vocabulary.</exception>
    public static void Write(
        string path,
        IReadOnlyDictionary<string, int> vocab,
        IReadOnlyList<(string Left, string Right)> merges,
        IReadOnlyList<AddedToken> addedTokens,
        string? splitPattern = null)
    {
        // Written in memory first, so invalid arguments leave no file behind.
        using var stream = new MemoryStream();
        Write(stream, vocab, merges, addedTokens, splitPattern);
        File.WriteAllBytes(path, stream.ToArray());
    }

    /// <summary>The same tokenizer.json into <paramref name="stream"/> (left open).</summary>
    /// <exception cref="ArgumentException">As for the file overload.</exception>
    public static void Write(
        Stream stream,
        IReadOnlyDictionary<string, int> vocab,
        IReadOnlyList<(string Left, string Right)> merges,
        IReadOnlyList<AddedToken> addedTokens,
        string? splitPattern = null)
    {
        Validate(vocab, merges, addedTokens);
        using var json = new Utf8JsonWriter(stream, Options);
        json.WriteStartObject();
        json.WriteString("version", "1.0");
        json.WriteNull("truncation");
        json.WriteNull("padding");
        json.WriteStartArray("added_tokens");
        foreach (AddedToken token in addedTokens.OrderBy(t => t.Id))
        {
            json.WriteStartObject();
            json.WriteNumber("id", token.Id);
            json.WriteString("content", token.Content);
            json.WriteBoolean("single_word", false);
            json.WriteBoolean("lstrip", token.LStrip);
            json.WriteBoolean("rstrip", token.RStrip);
            json.WriteBoolean("normalized", !token.Special);
            json.WriteBoolean("special", token.Special);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNull("normalizer");
        WritePreTokenizer(json, splitPattern);
        json.WriteNull("post_processor");
        json.WriteStartObject("decoder");
        WriteByteLevelFields(json, addPrefixSpace: true, trimOffsets: true, useRegex: true);
        json.WriteEndObject();
        WriteModel(json, vocab, merges);
        json.WriteEndObject();
    }

    private static void WritePreTokenizer(Utf8JsonWriter json, string? splitPattern)
    {
        json.WriteStartObject("pre_tokenizer");
        if (splitPattern is null)
        {
            WriteByteLevelFields(json, addPrefixSpace: false, trimOffsets: true, useRegex: true);
        }
        else
        {
            json.WriteString("type", "Sequence");
            json.WriteStartArray("pretokenizers");
            json.WriteStartObject();
            json.WriteString("type", "Split");
            json.WriteStartObject("pattern");
            json.WriteString("Regex", splitPattern);
            json.WriteEndObject();
            json.WriteString("behavior", "Isolated");
            json.WriteBoolean("invert", false);
            json.WriteEndObject();
            json.WriteStartObject();
            WriteByteLevelFields(json, addPrefixSpace: false, trimOffsets: false, useRegex: false);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteByteLevelFields(Utf8JsonWriter json, bool addPrefixSpace, bool trimOffsets, bool useRegex)
    {
        json.WriteString("type", "ByteLevel");
        json.WriteBoolean("add_prefix_space", addPrefixSpace);
        json.WriteBoolean("trim_offsets", trimOffsets);
        json.WriteBoolean("use_regex", useRegex);
    }

    private static void WriteModel(Utf8JsonWriter json, IReadOnlyDictionary<string, int> vocab, IReadOnlyList<(string Left, string Right)> merges)
    {
        json.WriteStartObject("model");
        json.WriteString("type", "BPE");
        json.WriteNull("dropout");
        json.WriteNull("unk_token");
        json.WriteNull("continuing_subword_prefix");
        json.WriteNull("end_of_word_suffix");
        json.WriteBoolean("fuse_unk", false);
        json.WriteBoolean("byte_fallback", false);
        json.WriteBoolean("ignore_merges", false);
        json.WriteStartObject("vocab");
        foreach ((string token, int id) in vocab.OrderBy(entry => entry.Value))
        {
            json.WriteNumber(token, id);
        }

        json.WriteEndObject();
        json.WriteStartArray("merges");
        foreach ((string left, string right) in merges)
        {
            // The pair form (tokenizers >= 0.20) cannot be misread, whatever characters the tokens hold.
            json.WriteStartArray();
            json.WriteStringValue(left);
            json.WriteStringValue(right);
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Validate(IReadOnlyDictionary<string, int> vocab, IReadOnlyList<(string Left, string Right)> merges, IReadOnlyList<AddedToken> addedTokens)
    {
        var ids = new HashSet<int>();
        foreach ((string token, int id) in vocab)
        {
            if (id < 0 || !ids.Add(id))
            {
                throw new ArgumentException($"vocab id {id} of '{token}' is negative or repeated", nameof(vocab));
            }
        }

        foreach ((string left, string right) in merges)
        {
            if (!vocab.ContainsKey(left) || !vocab.ContainsKey(right) || !vocab.ContainsKey(left + right))
            {
                throw new ArgumentException($"merge '{left}' + '{right}' names a token missing from the vocabulary", nameof(merges));
            }
        }

        foreach (AddedToken token in addedTokens)
        {
            // An added token may reuse its own vocabulary entry (GPT-2's <|endoftext|>), never another token's id.
            if (token.Id < 0 || (ids.Contains(token.Id) && vocab.GetValueOrDefault(token.Content, -1) != token.Id))
            {
                throw new ArgumentException($"added token '{token.Content}' has id {token.Id}, taken by another token", nameof(addedTokens));
            }
        }
    }
}
