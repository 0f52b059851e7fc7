using System.Text;

namespace Arena.Engine.Tests.Tokenization;

/// <summary>Seeded random strings that stress byte-level and SentencePiece tokenizers.</summary>
internal static class RandomText
{
    // ASCII, whitespace runs and newlines, Latin with combining marks, CJK, RTL, emoji (with ZWJ and skin tone),
    // letters outside the BMP, and the special-token delimiters without forming a token.
    private static readonly string[] Atoms =
    [
        "a", "b", "Z", "the", " ", "  ", "   ", "\t", "\n", "\n\n", "\r\n", "'s", "'LL", ",", ".", "!", "?", "-", "0", "42", "1234",
        "e\u0301", "n\u0303", "\u0308", "ß", "é", "Ω", "你", "好", "世界", "こんにちは", "한국어", "שלום", "مرحبا",
        "😀", "👍🏽", "👨‍👩‍👧", "🇫🇷", "𝒜", "𝟙", "\u00a0", "\u3000", "\u200b", "<", "|", ">", "<|", "|>",
    ];

    public static IEnumerable<string> Strings(int seed, int count, int maxAtoms = 12, Func<string, bool>? allow = null)
    {
        var random = new Random(seed);
        string[] atoms = allow is null ? Atoms : Atoms.Where(allow).ToArray();
        for (int i = 0; i < count; i++)
        {
            var text = new StringBuilder();
            int length = random.Next(1, maxAtoms + 1);
            for (int j = 0; j < length; j++)
            {
                text.Append(atoms[random.Next(atoms.Length)]);
            }

            yield return text.ToString();
        }
    }
}
