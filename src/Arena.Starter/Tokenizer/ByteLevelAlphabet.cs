using System.Text;

namespace Arena.Starter.Tokenizer;

/// <summary>
/// GPT-2's byte-level alphabet: each of the 256 byte values as one printable character, so byte strings can
/// live in a JSON vocabulary. Printable Latin-1 bytes map to themselves; the others (controls, space, ...) to
/// U+0100 and up, in byte order (space → 'Ġ', newline → 'Ċ').
/// </summary>
public static class ByteLevelAlphabet
{
    private static readonly char[] ByteToChar = Build();
    private static readonly Dictionary<char, byte> CharToByte =
        ByteToChar.Select((c, b) => (c, b)).ToDictionary(p => p.c, p => (byte)p.b);

    /// <summary>The 256 symbols, indexed by byte value.</summary>
    public static IReadOnlyList<char> Symbols => ByteToChar;

    /// <summary>The symbol of one byte.</summary>
    public static char Symbol(byte b) => ByteToChar[b];

    /// <summary>The UTF-8 bytes of <paramref name="text"/>, as symbols.</summary>
    public static string Encode(string text) => Encode(Encoding.UTF8.GetBytes(text));

    /// <summary>Bytes as symbols.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++) chars[i] = ByteToChar[bytes[i]];
        return new string(chars);
    }

    /// <summary>Symbols back to bytes; throws <see cref="ArgumentException"/> on a character outside the alphabet.</summary>
    public static byte[] Decode(string symbols) =>
        [.. symbols.Select(c => CharToByte.TryGetValue(c, out var b) ? b : throw new ArgumentException($"'{c}' is not a byte-level symbol.", nameof(symbols)))];

    private static char[] Build()
    {
        var map = new char[256];
        var printable = new bool[256];
        foreach (var (from, to) in new[] { ('!', '~'), ('¡', '¬'), ('®', 'ÿ') })
            for (var c = from; c <= to; c++) printable[c] = true;
        var next = 256;
        for (var b = 0; b < 256; b++) map[b] = printable[b] ? (char)b : (char)next++;
        return map;
    }
}
