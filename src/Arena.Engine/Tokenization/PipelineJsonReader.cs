using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Arena.Engine.Tokenization;

/// <summary>Reads tokenizer.json's "normalizer" and "pre_tokenizer" into our byte-level pipeline.</summary>
internal static class PipelineJsonReader
{
    public static Func<string, string>? ReadNormalizer(JsonElement root, string path)
    {
        if (JsonFile.Get(root, "normalizer") is not { } normalizer)
        {
            return null;
        }

        var steps = new List<Func<string, string>>();
        AddNormalizer(normalizer, steps, path);
        return steps.Count == 0 ? null : text => steps.Aggregate(text, (current, step) => step(current));
    }

    /// <summary>The pre-tokenizer steps; the flag says whether a ByteLevel stage was present (our precondition).</summary>
    public static (List<PreTokenizeStep> Steps, bool HasByteLevel) ReadPreTokenizer(JsonElement root, string path)
    {
        var steps = new List<PreTokenizeStep>();
        bool byteLevel = false;
        if (JsonFile.Get(root, "pre_tokenizer") is { } preTokenizer)
        {
            AddPreTokenizer(preTokenizer, steps, ref byteLevel, path);
        }

        return (steps, byteLevel);
    }

    private static void AddNormalizer(JsonElement node, List<Func<string, string>> steps, string path)
    {
        string type = JsonFile.GetString(node, "type") ?? "";
        switch (type)
        {
            case "Sequence":
                foreach (JsonElement child in EnumerateArray(node, "normalizers"))
                {
                    AddNormalizer(child, steps, path);
                }

                break;
            case "NFC": steps.Add(t => t.Normalize(NormalizationForm.FormC)); break;
            case "NFD": steps.Add(t => t.Normalize(NormalizationForm.FormD)); break;
            case "NFKC": steps.Add(t => t.Normalize(NormalizationForm.FormKC)); break;
            case "NFKD": steps.Add(t => t.Normalize(NormalizationForm.FormKD)); break;
            case "Lowercase": steps.Add(t => t.ToLowerInvariant()); break;
            case "Prepend":
                // Hugging Face prepends only to non-empty text (legacy Llama-2: "▁" before every segment).
                string prepend = JsonFile.GetString(node, "prepend") ?? "";
                steps.Add(t => t.Length == 0 ? t : prepend + t);
                break;
            case "Replace":
                steps.Add(ReadReplace(node, path));
                break;
            default:
                throw Unsupported(path, $"normalizer type '{type}' is not supported");
        }
    }

    private static void AddPreTokenizer(JsonElement node, List<PreTokenizeStep> steps, ref bool byteLevel, string path)
    {
        string type = JsonFile.GetString(node, "type") ?? "";
        switch (type)
        {
            case "Sequence":
                foreach (JsonElement child in EnumerateArray(node, "pretokenizers"))
                {
                    AddPreTokenizer(child, steps, ref byteLevel, path);
                }

                break;
            case "ByteLevel":
                byteLevel = true;
                if (JsonFile.GetBool(node, "add_prefix_space") == true)
                {
                    steps.Add(new PrefixSpaceStep());
                }

                if (JsonFile.GetBool(node, "use_regex") ?? true)
                {
                    steps.Add(new RegexSplitStep(new CodePointRegex(ByteLevelPatterns.ToRegex(ByteLevelPatterns.Gpt2)), false));
                }

                break;
            case "Split":
                steps.Add(ReadSplit(node, path));
                break;
            case "Digits":
                steps.Add(new DigitsStep(JsonFile.GetBool(node, "individual_digits") ?? false));
                break;
            default:
                throw Unsupported(path, $"pre_tokenizer type '{type}' is not supported with a ByteLevel pre_tokenizer");
        }
    }

    private static Func<string, string> ReadReplace(JsonElement node, string path)
    {
        string content = JsonFile.GetString(node, "content") ?? "";
        JsonElement pattern = JsonFile.Get(node, "pattern") ?? throw new TokenizerException(path, "Replace normalizer has no pattern");
        if (JsonFile.GetString(pattern, "String") is { Length: > 0 } literal)
        {
            return t => t.Replace(literal, content, StringComparison.Ordinal);
        }

        if (JsonFile.GetString(pattern, "Regex") is { Length: > 0 } regexText)
        {
            var regex = new Regex(regexText, RegexOptions.CultureInvariant);
            return t => regex.Replace(t, content);
        }

        throw new TokenizerException(path, "Replace normalizer pattern must hold a String or a Regex");
    }

    /// <summary>Whether a pre_tokenizer (or a Sequence under it) has a stage of this type.</summary>
    public static bool HasPreTokenizer(JsonElement root, string type) =>
        JsonFile.Get(root, "pre_tokenizer") is { } node && Contains(node, type);

    private static bool Contains(JsonElement node, string type) =>
        JsonFile.GetString(node, "type") == type
        || EnumerateArray(node, "pretokenizers").Any(child => Contains(child, type));

    private static RegexSplitStep ReadSplit(JsonElement node, string path)
    {
        JsonElement pattern = JsonFile.Get(node, "pattern") ?? throw new TokenizerException(path, "Split pre_tokenizer has no pattern");
        string? regexText = JsonFile.GetString(pattern, "Regex")
            ?? (JsonFile.GetString(pattern, "String") is { } literal ? Regex.Escape(literal) : null)
            ?? throw new TokenizerException(path, "Split pattern must hold a Regex or a String");
        string behavior = JsonFile.GetString(node, "behavior") ?? "Isolated";
        if (behavior is not ("Isolated" or "Removed") || JsonFile.GetBool(node, "invert") == true)
        {
            throw Unsupported(path, $"Split behavior '{behavior}' (invert: {JsonFile.GetBool(node, "invert") ?? false}) is not supported");
        }

        try
        {
            return new RegexSplitStep(new CodePointRegex(ByteLevelPatterns.ToRegex(regexText)), behavior == "Removed");
        }
        catch (ArgumentException ex)
        {
            throw Unsupported(path, $"Split regex is not valid in .NET ({ex.Message})");
        }
    }

    private static IEnumerable<JsonElement> EnumerateArray(JsonElement node, string name) =>
        JsonFile.Get(node, name) is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray()
            : [];

    private static TokenizerException Unsupported(string path, string problem) => new(path, problem);
}
