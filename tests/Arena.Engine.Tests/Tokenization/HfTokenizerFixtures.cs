using System.Text.Json;
using Arena.Engine.Tokenization;

namespace Arena.Engine.Tests.Tokenization;

/// <summary>
/// Real model tokenizer folders under Fixtures/tokenizers/NAME with expected.json, Hugging Face's encodings of
/// hard strings (see the README there; regenerate.mjs rewrites them with transformers.js).
/// </summary>
internal static class HfTokenizerFixtures
{
    /// <summary>mistral-v03 read from its tokenizer.model alone (no tokenizer.json): it must give the same answers.</summary>
    public const string MistralModelOnly = "mistral-v03-spm";

    public static readonly string[] Names = ["mistral-v03", MistralModelOnly, "gpt2"];

    // Folders that are another folder's tokenizer in a different file, checked against that folder's expected.json.
    private static readonly Dictionary<string, string> AnswersFrom = new() { [MistralModelOnly] = "mistral-v03" };

    private static readonly Dictionary<string, TextTokenizer> Loaded = [];
    private static readonly Dictionary<string, JsonDocument> Expected = [];

    public static string Folder(string name) => Path.Combine(TokenizerFixtures.Folder, name);

    public static TextTokenizer Load(string name)
    {
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(name, out TextTokenizer? tokenizer))
            {
                tokenizer = TokenizerLoader.Load(Folder(name));
                Loaded[name] = tokenizer;
            }

            return tokenizer;
        }
    }

    public static JsonElement ExpectedRoot(string name)
    {
        lock (Expected)
        {
            if (!Expected.TryGetValue(name, out JsonDocument? document))
            {
                string answers = AnswersFrom.GetValueOrDefault(name, name);
                document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder(answers), "expected.json")));
                Expected[name] = document;
            }

            return document.RootElement;
        }
    }

    public static IEnumerable<JsonElement> Items(string name, string section) =>
        ExpectedRoot(name).TryGetProperty(section, out JsonElement items) ? items.EnumerateArray() : [];

    public static int[] Ids(JsonElement item, string field) =>
        item.GetProperty(field).EnumerateArray().Select(id => id.GetInt32()).ToArray();
}
