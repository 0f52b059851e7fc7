namespace Arena.Core.Ratings;

/// <summary>
/// Battles as parallel arrays over model indices, the first step of every rating (FastChat's preprocess).
/// Named battles are numbered in ordinal name order, so the numbering, and every result indexed by it, does not
/// depend on the order the battles came in. A caller whose models are not names (the arena's ids) numbers them
/// itself (<see cref="Numbered"/>) and reads results back by number.
/// </summary>
public sealed class IndexedBattles
{
    IndexedBattles(string[] models, int[] a, int[] b, double[] scoreOfA, double[] timestamp)
    {
        (Models, A, B, ScoreOfA, Timestamp) = (models, a, b, scoreOfA, timestamp);
    }

    public IReadOnlyList<string> Models { get; }
    public int[] A { get; }
    public int[] B { get; }
    public double[] ScoreOfA { get; }
    public double[] Timestamp { get; }
    public int Count => A.Length;

    public static IndexedBattles From(IReadOnlyCollection<Battle> battles)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var x in battles)
        {
            names.Add(x.ModelA);
            names.Add(x.ModelB);
        }
        var models = names.ToArray();
        var index = new Dictionary<string, int>(models.Length, StringComparer.Ordinal);
        for (int i = 0; i < models.Length; i++) index[models[i]] = i;

        return Build(models, battles.Count, battles.Select(x => (index[x.ModelA], index[x.ModelB], x.Winner, x.Timestamp)));
    }

    /// <summary>Battles between models the caller has numbered 0 … models.Count − 1; <paramref name="models"/> names
    /// them in the results. Numbered in the ordinal order of those names, the results are those of <see cref="From"/>.</summary>
    public static IndexedBattles Numbered(IReadOnlyList<string> models, IReadOnlyCollection<(int A, int B, Winner Winner, double Timestamp)> battles)
    {
        foreach (var (a, b, winner, timestamp) in battles)
        {
            // What Battle's constructor checks for named battles.
            if ((uint)a >= (uint)models.Count || (uint)b >= (uint)models.Count)
                throw new ArgumentOutOfRangeException(nameof(battles), $"model numbers must be in 0..{models.Count - 1}, got {a} and {b}");
            if (a == b) throw new ArgumentException($"a model cannot battle itself ({a})", nameof(battles));
            if (!double.IsFinite(timestamp)) throw new ArgumentOutOfRangeException(nameof(battles), timestamp, "timestamp must be finite");
        }
        return Build(models, battles.Count, battles);
    }

    static IndexedBattles Build(IReadOnlyList<string> models, int n, IEnumerable<(int A, int B, Winner Winner, double Timestamp)> battles)
    {
        var (a, b, score, time) = (new int[n], new int[n], new double[n], new double[n]);
        var k = 0;
        foreach (var x in battles)
        {
            (a[k], b[k], score[k], time[k]) = (x.A, x.B, Outcome.ScoreOfA(x.Winner), x.Timestamp);
            k++;
        }
        return new IndexedBattles([.. models], a, b, score, time);
    }

    /// <summary>Battle positions in time order; equal timestamps keep their input order (a stable sort).</summary>
    public int[] TimeOrder()
    {
        var order = new int[Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        var sorted = true;
        for (int i = 1; i < Timestamp.Length && sorted; i++) sorted = Timestamp[i - 1] <= Timestamp[i];
        if (sorted) return order; // the usual case: logs are written in time order
        // Array.Sort is not stable; sorting (time, position) pairs makes it so.
        var pairs = new (double Time, int Position)[Count];
        for (int i = 0; i < pairs.Length; i++) pairs[i] = (Timestamp[i], i);
        Array.Sort(pairs);
        for (int i = 0; i < pairs.Length; i++) order[i] = pairs[i].Position;
        return order;
    }
}
