namespace Arena.Evaluation.Instructions;

/// <summary>The writing systems a reply's letters are sorted into to tell its language (see <see cref="LanguageScripts"/>).</summary>
internal enum Script
{
    Other,
    Latin,
    Greek,
    Cyrillic,
    Armenian,
    Hebrew,
    Arabic,
    Devanagari,
    Bengali,
    Gurmukhi,
    Gujarati,
    Oriya,
    Tamil,
    Telugu,
    Kannada,
    Malayalam,
    Sinhala,
    Thai,
    Lao,
    Tibetan,
    Myanmar,
    Georgian,
    Hangul,
    Ethiopic,
    Khmer,
    Kana,
    Han,

    /// <summary>Kana with Han: Japanese writing, where kanji sit among hiragana and katakana.</summary>
    Japanese,
}
