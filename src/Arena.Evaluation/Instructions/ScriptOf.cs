using System.Text;

namespace Arena.Evaluation.Instructions;

/// <summary>Which <see cref="Script"/> a letter belongs to, by Unicode block, and which script a text is mostly in.</summary>
internal static class ScriptOf
{
    // (first, last, script): the Unicode blocks of each script's letters, Latin's extensions and fullwidth forms included.
    private static readonly (int First, int Last, Script Script)[] Blocks =
    [
        (0x0041, 0x024F, Script.Latin), (0x0250, 0x02AF, Script.Latin), (0x1E00, 0x1EFF, Script.Latin),
        (0x2C60, 0x2C7F, Script.Latin), (0xA720, 0xA7FF, Script.Latin), (0xAB30, 0xAB6F, Script.Latin),
        (0xFF21, 0xFF5A, Script.Latin),
        (0x0370, 0x03FF, Script.Greek), (0x1F00, 0x1FFF, Script.Greek),
        (0x0400, 0x052F, Script.Cyrillic), (0x1C80, 0x1C8F, Script.Cyrillic), (0x2DE0, 0x2DFF, Script.Cyrillic),
        (0xA640, 0xA69F, Script.Cyrillic),
        (0x0530, 0x058F, Script.Armenian),
        (0x0590, 0x05FF, Script.Hebrew), (0xFB1D, 0xFB4F, Script.Hebrew),
        (0x0600, 0x06FF, Script.Arabic), (0x0750, 0x077F, Script.Arabic), (0x08A0, 0x08FF, Script.Arabic),
        (0xFB50, 0xFDFF, Script.Arabic), (0xFE70, 0xFEFF, Script.Arabic),
        (0x0900, 0x097F, Script.Devanagari), (0xA8E0, 0xA8FF, Script.Devanagari),
        (0x0980, 0x09FF, Script.Bengali),
        (0x0A00, 0x0A7F, Script.Gurmukhi),
        (0x0A80, 0x0AFF, Script.Gujarati),
        (0x0B00, 0x0B7F, Script.Oriya),
        (0x0B80, 0x0BFF, Script.Tamil),
        (0x0C00, 0x0C7F, Script.Telugu),
        (0x0C80, 0x0CFF, Script.Kannada),
        (0x0D00, 0x0D7F, Script.Malayalam),
        (0x0D80, 0x0DFF, Script.Sinhala),
        (0x0E00, 0x0E7F, Script.Thai),
        (0x0E80, 0x0EFF, Script.Lao),
        (0x0F00, 0x0FFF, Script.Tibetan),
        (0x1000, 0x109F, Script.Myanmar),
        (0x10A0, 0x10FF, Script.Georgian), (0x1C90, 0x1CBF, Script.Georgian),
        (0x1100, 0x11FF, Script.Hangul), (0x3130, 0x318F, Script.Hangul), (0xA960, 0xA97F, Script.Hangul),
        (0xAC00, 0xD7FF, Script.Hangul),
        (0x1200, 0x139F, Script.Ethiopic),
        (0x1780, 0x17FF, Script.Khmer),
        (0x3040, 0x30FF, Script.Kana), (0x31F0, 0x31FF, Script.Kana), (0xFF66, 0xFF9F, Script.Kana),
        (0x3005, 0x3007, Script.Han), (0x3400, 0x4DBF, Script.Han), (0x4E00, 0x9FFF, Script.Han),
        (0xF900, 0xFAFF, Script.Han), (0x20000, 0x3FFFF, Script.Han),
    ];

    public static Script Letter(Rune letter)
    {
        foreach (var (first, last, script) in Blocks)
            if (letter.Value >= first && letter.Value <= last) return script;
        return Script.Other;
    }

    /// <summary>
    /// The scripts that hold the most letters of <paramref name="text"/> (more than one only on a tie); empty when it
    /// has no letters. Kana anywhere makes the Han letters Japanese, as kanji are written among kana.
    /// </summary>
    public static IReadOnlySet<Script> Dominant(string text)
    {
        var counts = new Dictionary<Script, int>();
        foreach (var rune in text.EnumerateRunes())
            if (Rune.IsLetter(rune)) counts[Letter(rune)] = counts.GetValueOrDefault(Letter(rune)) + 1;
        if (counts.Remove(Script.Kana, out var kana))
            counts[Script.Japanese] = kana + (counts.Remove(Script.Han, out var han) ? han : 0);
        if (counts.Count == 0) return new HashSet<Script>();
        var most = counts.Values.Max();
        return counts.Where(c => c.Value == most).Select(c => c.Key).ToHashSet();
    }
}
