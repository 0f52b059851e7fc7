using System.Text.Encodings.Web;
using System.Text.Json;
using Arena.Engine.Tokenization;

namespace Arena.Starter.Tokenizer;

/// <summary>
/// Writes a <see cref="BpeModel"/> as Hugging Face files: <c>tokenizer.json</c> by the engine's
/// <see cref="TokenizerJsonWriter"/> (ByteLevel pre-tokenizer and decoder, BPE model, special tokens as added tokens)
/// and <c>tokenizer_config.json</c> (special-token roles and the ChatML chat template). Output bytes are a pure
/// function of the model: fixed key order, "\n" newlines.
/// </summary>
public static class TokenizerFiles
{
    /// <summary>ChatML, as the engine's <see cref="ChatMlFormat"/> renders it; no default system prompt.</summary>
    public const string ChatTemplate =
        @"{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n' }}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        // Writes '<', '>', '+' and quotes (special tokens, the chat template) as they are, not as \u003C escapes; same JSON.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes tokenizer.json and tokenizer_config.json into <paramref name="directory"/> (created if needed).</summary>
    public static async Task SaveAsync(BpeModel model, string directory, int modelMaxLength = 2048, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(Path.Combine(directory, "tokenizer.json"), TokenizerJson(model), cancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(directory, "tokenizer_config.json"), TokenizerConfigJson(model, modelMaxLength), cancellationToken);
    }

    /// <summary>tokenizer.json as bytes.</summary>
    public static byte[] TokenizerJson(BpeModel model)
    {
        using var stream = new MemoryStream();
        TokenizerJsonWriter.Write(stream, model.Vocab, model.Merges, [.. model.SpecialTokens.Select(t => new AddedToken(model.Id(t), t))]);
        return stream.ToArray();
    }

    /// <summary>tokenizer_config.json as bytes.</summary>
    public static byte[] TokenizerConfigJson(BpeModel model, int modelMaxLength = 2048)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options)) WriteConfig(writer, model, modelMaxLength);
        return stream.ToArray();
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
