namespace Arena.Starter.World;

internal static class RandomExtensions
{
    /// <summary>A uniformly chosen item.</summary>
    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) =>
        items.Count == 0 ? throw new ArgumentException("Nothing to pick from.", nameof(items)) : items[rng.Next(items.Count)];

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public static bool Chance(this Random rng, double p) => rng.NextDouble() < p;

    /// <summary>
    /// A generator for item <paramref name="index"/> of stream <paramref name="seed"/>: items are independent
    /// of how many are generated, so a longer run extends a shorter one. SplitMix64 mixes the two; the
    /// framework's HashCode is randomised per process and would break determinism.
    /// </summary>
    public static Random For(int seed, long index, int salt = 0)
    {
        var z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)index * 0xBF58476D1CE4E5B9UL + (ulong)salt * 0x94D049BB133111EBUL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return new Random((int)(z & 0x7FFFFFFF));
    }

    /// <summary>FNV-1a of a string: stable across processes and runtimes, unlike string.GetHashCode.</summary>
    public static int StableHash(string s)
    {
        var hash = 2166136261u;
        foreach (var c in s) hash = (hash ^ c) * 16777619u;
        return (int)(hash & 0x7FFFFFFF);
    }
}
