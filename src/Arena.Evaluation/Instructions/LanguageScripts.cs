namespace Arena.Evaluation.Instructions;

/// <summary>
/// Tells a reply's language by the script of its letters, which is what can be told without a trained detector
/// (IFEval calls langdetect). The rule: the reply follows language L when the script holding most of its letters is
/// one L is written in. So for a Latin-script code (en, fr, de, es, vi, sw...) any Latin-script reply passes, since
/// English and French cannot be told apart by script; Cyrillic serves ru, uk, bg...; Devanagari hi, mr, ne; Arabic
/// ar, fa, ur; Hangul ko; kana (with kanji) ja; Han without kana zh or ja (an all-kanji Japanese answer is rare but
/// real). A reply with no letters at all follows, as IFEval counts a reply langdetect cannot read as followed.
/// </summary>
internal static class LanguageScripts
{
    private static readonly Dictionary<string, Script[]> ByCode = Build();

    public static bool IsKnown(string code) => ByCode.ContainsKey(code.ToLowerInvariant());

    /// <summary>The codes with a known script, for error messages.</summary>
    public static IEnumerable<string> Codes => ByCode.Keys.Order();

    public static bool Follows(string code, string text)
    {
        var dominant = ScriptOf.Dominant(text);
        return dominant.Count == 0 || ByCode[code.ToLowerInvariant()].Any(dominant.Contains);
    }

    private static Dictionary<string, Script[]> Build()
    {
        var map = new Dictionary<string, Script[]>();
        void Add(string codes, params Script[] scripts)
        {
            foreach (var code in codes.Split(' ')) map[code] = scripts;
        }

        // ISO 639-1 codes of languages written (mostly) in Latin letters, IFEval's own en es pt fr de it pl vi sw fi among them.
        Add("af az bs ca cs cy da de en eo es et eu fi fr ga gl ha hr ht hu id ig is it jv la lb lt lv mg ms mt nl no nb nn " +
            "pl pt ro sk sl so sq sv sw tl tk tr uz vi xh yo zu", Script.Latin);
        Add("ru uk bg be mk kk ky mn tg", Script.Cyrillic);
        Add("sr", Script.Cyrillic, Script.Latin);
        Add("ku", Script.Latin, Script.Arabic);
        Add("el", Script.Greek);
        Add("hy", Script.Armenian);
        Add("he iw yi", Script.Hebrew);
        Add("ar fa ur ps sd ug", Script.Arabic);
        Add("hi mr ne sa", Script.Devanagari);
        Add("bn as", Script.Bengali);
        Add("pa", Script.Gurmukhi);
        Add("gu", Script.Gujarati);
        Add("or", Script.Oriya);
        Add("ta", Script.Tamil);
        Add("te", Script.Telugu);
        Add("kn", Script.Kannada);
        Add("ml", Script.Malayalam);
        Add("si", Script.Sinhala);
        Add("th", Script.Thai);
        Add("lo", Script.Lao);
        Add("bo", Script.Tibetan);
        Add("my", Script.Myanmar);
        Add("ka", Script.Georgian);
        Add("ko", Script.Hangul);
        Add("am ti", Script.Ethiopic);
        Add("km", Script.Khmer);
        Add("ja", Script.Japanese, Script.Han);
        // langdetect names Chinese zh-cn or zh-tw; plain zh is what suites write.
        Add("zh zh-cn zh-tw", Script.Han);
        return map;
    }
}
