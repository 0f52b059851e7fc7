using System.Text.Encodings.Web;
using System.Text.Json;

namespace Arena.Starter.Tokenizer;

/// <summary>
/// Writes a <see cref="BpeModel"/> as Hugging Face files: <c>tokenizer.json</c> (ByteLevel pre-tokenizer and
/// decoder, BPE model, special tokens as added tokens) and <c>tokenizer_config.json</c> (special-token roles and
/// the ChatML chat template). Output bytes are a pure function of the model: fixed key order, "\n" newlines.
/// </summary>
public static class TokenizerFiles
{
    /// <summary>ChatML, as <see cref="World.ChatMlFormatter"/> writes it; no default system prompt.</summary>
    public const string ChatTemplate =
        @"{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n' }}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        // Keeps the byte-level symbols ('Ġ', 'Ċ') readable instead of \u0120 escapes; the JSON is the same either way.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes tokenizer.json and tokenizer_config.json into <paramref name="directory"/> (created if needed).</summary>
    public static async Task SaveAsync(BpeModel model, string directory, int modelMaxLength = 2048, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        await using (var json = File.Create(Path.Combine(directory, "tokenizer.json")))
            await WriteAsync(json, w => WriteTokenizer(w, model), cancellationToken);
        await using (var config = File.Create(Path.Combine(directory, "tokenizer_config.json")))
            await WriteAsync(config, w => WriteConfig(w, model, modelMaxLength), cancellationToken);
    }

    /// <summary>tokenizer.json as bytes.</summary>
    public static byte[] TokenizerJson(BpeModel model) => Write(w => WriteTokenizer(w, model));

    /// <summary>tokenizer_config.json as bytes.</summary>
    public static byte[] TokenizerConfigJson(BpeModel model, int modelMaxLength = 2048) =>
        Write(w => WriteConfig(w, model, modelMaxLength));

    private static async Task WriteAsync(Stream stream, Action<Utf8JsonWriter> write, CancellationToken ct)
    {
        await using var writer = new Utf8JsonWriter(stream, Options);
        write(writer);
        await writer.FlushAsync(ct);
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options)) write(writer);
        return stream.ToArray();
    }

    private static void WriteTokenizer(Utf8JsonWriter w, BpeModel model)
    {
        w.WriteStartObject();
        w.WriteString("version", "1.0");
        w.WriteNull("truncation");
        w.WriteNull("padding");
        w.WriteStartArray("added_tokens");
        foreach (var token in model.SpecialTokens)
        {
            w.WriteStartObject();
            w.WriteNumber("id", model.Id(token));
            w.WriteString("content", token);
            w.WriteBoolean("single_word", false);
            w.WriteBoolean("lstrip", false);
            w.WriteBoolean("rstrip", false);
            w.WriteBoolean("normalized", false);
            w.WriteBoolean("special", true);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNull("normalizer");
        WriteByteLevel(w, "pre_tokenizer", addPrefixSpace: false);
        w.WriteNull("post_processor");
        WriteByteLevel(w, "decoder", addPrefixSpace: true);
        w.WriteStartObject("model");
        w.WriteString("type", "BPE");
        w.WriteNull("dropout");
        w.WriteNull("unk_token");
        w.WriteNull("continuing_subword_prefix");
        w.WriteNull("end_of_word_suffix");
        w.WriteBoolean("fuse_unk", false);
        w.WriteBoolean("byte_fallback", false);
        w.WriteBoolean("ignore_merges", false);
        w.WriteStartObject("vocab");
        for (var id = 0; id < model.Tokens.Count; id++) w.WriteNumber(model.Tokens[id], id);
        w.WriteEndObject();
        w.WriteStartArray("merges");
        foreach (var (left, right) in model.Merges)
        {
            w.WriteStartArray();
            w.WriteStringValue(left);
            w.WriteStringValue(right);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    // The decoder's add_prefix_space is what Hugging Face writes for GPT-2; a ByteLevel decoder ignores it.
    private static void WriteByteLevel(Utf8JsonWriter w, string name, bool addPrefixSpace)
    {
        w.WriteStartObject(name);
        w.WriteString("type", "ByteLevel");
        w.WriteBoolean("add_prefix_space", addPrefixSpace);
        w.WriteBoolean("trim_offsets", true);
        w.WriteBoolean("use_regex", true);
        w.WriteEndObject();
    }

    private static void WriteConfig(Utf8JsonWriter w, BpeModel model, int modelMaxLength)
    {
        w.WriteStartObject();
        w.WriteBoolean("add_bos_token", false);
        w.WriteBoolean("add_eos_token", false);
        w.WriteBoolean("add_prefix_space", false);
        w.WriteStartObject("added_tokens_decoder");
        foreach (var token in model.SpecialTokens)
        {
            w.WriteStartObject(model.Id(token).ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("content", token);
            w.WriteBoolean("lstrip", false);
            w.WriteBoolean("normalized", false);
            w.WriteBoolean("rstrip", false);
            w.WriteBoolean("single_word", false);
            w.WriteBoolean("special", true);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        // GPT-2's convention: <|endoftext|> separates documents and pads; a chat reply ends at <|im_end|>.
        // A model trained with other special tokens gets null roles rather than tokens it does not have.
        string? Role(string token) => model.Vocab.ContainsKey(token) ? token : null;
        w.WriteString("bos_token", Role(SpecialTokens.EndOfText));
        w.WriteString("chat_template", ChatTemplate);
        w.WriteBoolean("clean_up_tokenization_spaces", false);
        w.WriteString("eos_token", Role(SpecialTokens.ImEnd));
        w.WriteNumber("model_max_length", modelMaxLength);
        w.WriteString("pad_token", Role(SpecialTokens.EndOfText));
        w.WriteString("tokenizer_class", "PreTrainedTokenizerFast");
        w.WriteNull("unk_token");
        w.WriteEndObject();
    }
}
