using System.Text;

namespace Arena.Engine.Tokenization;

/// <summary>
/// GPT-2's reversible byte ↔ character mapping used by every byte-level BPE vocabulary: printable Latin-1
/// bytes stand for themselves, the other 68 bytes (controls, space, 0x7F-0xA0, 0xAD) are shifted to U+0100..U+0143
/// so that no vocabulary entry contains whitespace or control characters ("Ġ" is the space byte).
/// </summary>
public static class ByteLevelAlphabet
{
    private static readonly char[] ByteToCharTable = BuildByteToChar();
    private static readonly Dictionary<char, byte> CharToByteTable = BuildCharToByte(ByteToCharTable);

    /// <summary>The vocabulary character that stands for <paramref name="value"/>.</summary>
    public static char ByteToChar(byte value) => ByteToCharTable[value];

    /// <summary>The byte a vocabulary character stands for; false for characters outside the alphabet.</summary>
    public static bool TryCharToByte(char c, out byte value) => CharToByteTable.TryGetValue(c, out value);

    /// <summary>Vocabulary form of raw bytes, one character per byte.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (int i = 0; i < bytes.Length; i++)
        {
            chars[i] = ByteToCharTable[bytes[i]];
        }

        return new string(chars);
    }

    /// <summary>Vocabulary form of a text: its UTF-8 bytes mapped through the alphabet.</summary>
    public static string EncodeText(string text) => Encode(Encoding.UTF8.GetBytes(text));

    /// <summary>The raw bytes of a vocabulary entry; false if it holds a character outside the alphabet.</summary>
    public static bool TryDecode(string token, out byte[] bytes)
    {
        bytes = new byte[token.Length];
        for (int i = 0; i < token.Length; i++)
        {
            if (!CharToByteTable.TryGetValue(token[i], out bytes[i]))
            {
                bytes = [];
                return false;
            }
        }

        return true;
    }

    private static char[] BuildByteToChar()
    {
        var table = new char[256];
        int shifted = 0;
        for (int b = 0; b < 256; b++)
        {
            bool printable = b is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE;
            table[b] = printable ? (char)b : (char)(256 + shifted++);
        }

        return table;
    }

    private static Dictionary<char, byte> BuildCharToByte(char[] byteToChar)
    {
        var map = new Dictionary<char, byte>(256);
        for (int b = 0; b < 256; b++)
        {
            map[byteToChar[b]] = (byte)b;
        }

        return map;
    }
}
