namespace Arena.Engine.Tokenization;

/// <summary>
/// transformers' clean_up_tokenization: after decoding, drop the space an old word-level tokenizer left before
/// punctuation and English contractions. Applied when tokenizer_config.json says clean_up_tokenization_spaces
/// (GPT-2, Llama-3 do); the same replacements in the same order as transformers, so "it's 's" → "it's's".
/// </summary>
internal static class SpaceCleanup
{
    private static readonly (string From, string To)[] Replacements =
    [
        (" .", "."), (" ?", "?"), (" !", "!"), (" ,", ","), (" ' ", "'"),
        (" n't", "n't"), (" 'm", "'m"), (" 's", "'s"), (" 've", "'ve"), (" 're", "'re"),
    ];

    public static string Apply(string text)
    {
        foreach ((string from, string to) in Replacements)
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        return text;
    }
}
