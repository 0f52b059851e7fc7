namespace Arena.Starter.World;

/// <summary>
/// Invented names built from syllables, one pool per kind of entity, each split 80/20 into train and held-out.
/// The pools are disjoint across kinds and never collide with an English word of the world or a word of a
/// made-up language, so a held-out name can be found in text by a whole-word search.
/// Training draws a fresh name from the whole syllable space each time (never a held-out one): with a few hundred
/// names a small model memorises them and learns nothing about copying; with thousands it has to copy.
/// </summary>
internal sealed class EntityNames
{
    private static readonly string[] Syllables =
    [
        "ba", "be", "bo", "da", "de", "do", "fa", "fe", "ga", "go", "ha", "ja", "ka", "ke", "la", "le", "li", "lo",
        "ma", "me", "mi", "mo", "na", "ne", "no", "pa", "pe", "po", "ra", "re", "ri", "ro", "sa", "se", "so", "ta",
        "te", "to", "va", "ve", "vo", "ya", "za", "zu", "quel", "vor", "plo", "min", "tar", "bel", "dun", "mar",
        "sel", "tor", "wyn",
    ];

    private const double HeldOutShare = 0.2;

    private readonly Dictionary<(string Kind, Split Split), string[]> _pools = [];
    private readonly HashSet<string> _taken;
    private readonly HashSet<string> _heldOut = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (string[] Endings, bool Capitalize)> _shapes = [];
    private readonly Func<string, bool> _forbidden;

    public EntityNames(int seed, Func<string, bool> forbidden)
    {
        _forbidden = forbidden;
        _taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // Order matters for determinism: each kind is built after the previous ones have claimed their names.
        Add("country", seed, 200, ["ia", "land", "or", "an", "ova"], capitalize: true);
        Add("town", seed, 400, ["by", "ton", "holm", "ville", "burg", "mouth"], capitalize: true);
        Add("first", seed, 300, ["a", "o", "i", "en", "el", ""], capitalize: true);
        Add("last", seed, 300, ["th", "son", "ley", "wick", "er"], capitalize: true);
        Add("gadget", seed, 150, ["ometer", "ophone", "oscope", "otron", "ator"], capitalize: false);
        Add("pet", seed, 150, ["y", "o", "ie", "kin"], capitalize: true);
        // invented common nouns ("belmump"): required words and echo drills in training, so the model learns to copy
        // a word rather than to recall a short list.
        Add("thing", seed, 150, ["ix", "ump", "esk", "ott"], capitalize: false);
    }

    /// <summary>Entity kinds: country, town, first, last, gadget, pet, thing.</summary>
    public IEnumerable<string> Kinds => _pools.Keys.Select(k => k.Kind).Distinct();

    /// <summary>All names of one kind and split.</summary>
    public IReadOnlyList<string> Pool(string kind, Split split) => _pools[(kind, split)];

    public string Pick(Random rng, string kind, Split split) =>
        split == Split.HeldOut ? rng.Pick(Pool(kind, split)) : Fresh(rng, kind);

    private string Fresh(Random rng, string kind)
    {
        var (endings, capitalize) = _shapes[kind];
        while (true)
        {
            var name = rng.Pick(Syllables) + rng.Pick(Syllables) + rng.Pick(endings);
            if (capitalize) name = char.ToUpperInvariant(name[0]) + name[1..];
            if (name.Length >= 4 && !_heldOut.Contains(name) && !_forbidden(name)) return name;
        }
    }

    /// <summary>A full name ("Zara Minth") whose two parts both come from <paramref name="split"/>.</summary>
    public string Person(Random rng, Split split) => $"{Pick(rng, "first", split)} {Pick(rng, "last", split)}";

    private void Add(string kind, int seed, int count, string[] endings, bool capitalize)
    {
        _shapes[kind] = (endings, capitalize);
        var rng = new Random(seed ^ RandomExtensions.StableHash(kind));
        var names = new List<string>();
        for (var attempt = 0; names.Count < count; attempt++)
        {
            if (attempt > count * 100) throw new InvalidOperationException($"Cannot find {count} distinct {kind} names.");
            var stem = rng.Pick(Syllables) + rng.Pick(Syllables);
            var name = stem + rng.Pick(endings);
            if (capitalize) name = char.ToUpperInvariant(name[0]) + name[1..];
            if (name.Length < 4 || _forbidden(name) || !_taken.Add(name)) continue;
            names.Add(name);
        }
        var heldOut = (int)(count * HeldOutShare);
        _pools[(kind, Split.HeldOut)] = [.. names.Take(heldOut)];
        _heldOut.UnionWith(names.Take(heldOut));
        _pools[(kind, Split.Train)] = [.. names.Skip(heldOut)];
    }
}
