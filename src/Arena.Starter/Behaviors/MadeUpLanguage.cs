using System.Text;

namespace Arena.Starter.Behaviors;

/// <summary>
/// A made-up language such as Zorbish: every English word maps to one invented word built from the language's
/// syllables. The lexicon is a bijection over the world's English vocabulary, fixed by a seed, so a model can
/// learn it word by word; words outside the vocabulary (rare) fall back to a hash of the word.
/// </summary>
public sealed class MadeUpLanguage
{
    private readonly Dictionary<string, string> _lexicon;
    private readonly string[] _syllables;

    /// <summary>Builds the language's lexicon over <paramref name="vocabulary"/> (English words, any case).</summary>
    public MadeUpLanguage(string name, IReadOnlyList<string> syllables, IEnumerable<string> vocabulary, int seed)
    {
        if (syllables.Count < 8 || syllables.Any(s => s.Length < 2 || s != s.ToLowerInvariant()))
            throw new ArgumentException("Need at least 8 lower-case syllables of two letters or more.", nameof(syllables));
        Name = name;
        _syllables = [.. syllables];
        _lexicon = BuildLexicon(vocabulary, seed);
    }

    /// <summary>The language's name as used in system prompts, e.g. "Zorbish".</summary>
    public string Name { get; }

    /// <summary>The syllables every word of the language is made of.</summary>
    public IReadOnlyList<string> Syllables => _syllables;

    /// <summary>English word (lower case) → word of this language.</summary>
    public IReadOnlyDictionary<string, string> Lexicon => _lexicon;

    /// <summary>Translates word by word, keeping punctuation, digits, spacing and initial capitals.</summary>
    public string Translate(string english) =>
        TextWords.WordPattern().Replace(english, m =>
        {
            var word = TranslateWord(m.Value.ToLowerInvariant());
            return char.IsUpper(m.Value[0]) ? TextWords.Capitalize(word) : word;
        });

    /// <summary>True when <paramref name="word"/> can be spelled with this language's syllables.</summary>
    public bool IsWord(string word)
    {
        var w = word.ToLowerInvariant();
        // reachable[i]: the first i letters split into syllables.
        var reachable = new bool[w.Length + 1];
        reachable[0] = true;
        for (var i = 0; i < w.Length; i++)
        {
            if (!reachable[i]) continue;
            foreach (var s in _syllables)
                if (i + s.Length <= w.Length && string.CompareOrdinal(w, i, s, 0, s.Length) == 0)
                    reachable[i + s.Length] = true;
        }
        return w.Length > 0 && reachable[w.Length];
    }

    private string TranslateWord(string lower) =>
        _lexicon.TryGetValue(lower, out var word) ? word : HashWord(lower);

    private Dictionary<string, string> BuildLexicon(IEnumerable<string> vocabulary, int seed)
    {
        var english = vocabulary.Select(w => w.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToList();
        var avoid = new HashSet<string>(english);
        var used = new HashSet<string>();
        var lexicon = new Dictionary<string, string>();
        var rng = new Random(seed);
        foreach (var word in english)
        {
            // Short English words get short invented words, which keeps translations readable and learnable.
            var length = word.Length <= 3 ? 1 : word.Length <= 6 ? 2 : 3;
            for (var attempt = 0; ; attempt++)
            {
                var candidate = Compose(rng, length + attempt / 20);
                if (!avoid.Contains(candidate) && used.Add(candidate))
                {
                    lexicon[word] = candidate;
                    break;
                }
            }
        }
        return lexicon;
    }

    private string Compose(Random rng, int syllableCount)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < syllableCount; i++) sb.Append(_syllables[rng.Next(_syllables.Length)]);
        return sb.ToString();
    }

    private string HashWord(string lower)
    {
        // FNV-1a: stable across processes, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in lower) hash = (hash ^ c) * 16777619u;
        var sb = new StringBuilder();
        for (var i = 0; i < 2 + (int)(hash % 2); i++, hash /= (uint)_syllables.Length)
            sb.Append(_syllables[hash % (uint)_syllables.Length]);
        return sb.ToString();
    }
}
