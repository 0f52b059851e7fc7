using Arena.Engine.Tokenization;

namespace Arena.Engine.Tests.Tokenization;

/// <summary>The fixture tokenizers under Fixtures/tokenizers (see make_fixtures.py there).</summary>
internal static class TokenizerFixtures
{
    public const string ChatMl = "byte-bpe-chatml";
    public const string Gpt2 = "byte-bpe-gpt2";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "tokenizers");

    public static string TokenizerJson(string name) => Path.Combine(Folder, $"{name}.tokenizer.json");

    /// <summary>A model folder holding only the named fixture as tokenizer.json.</summary>
    public static TextTokenizer Load(string name)
    {
        using var dir = new TempModelDir();
        dir.CopyTokenizerJson(name);
        return TokenizerLoader.Load(dir.Path);
    }
}
