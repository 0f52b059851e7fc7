using Arena.Contracts.Bakes;
using System.Diagnostics;

namespace Arena.Engine.Baking;

/// <summary>
/// The on-policy batches of a bake (<see cref="BakeRecipe.StudentRollouts"/>): from the second epoch on, a share of
/// each epoch's batches is replies the student writes itself to the training queries, unprompted and with the
/// adapter as it stands. The teacher's targets on them say how the prompted model would go on from the student's
/// own slips, which teacher-sampled replies never show.
/// </summary>
internal sealed class StudentRollouts(TrajectorySampler sampler, BakeRecipe r, IReadOnlyList<string> queries, int batchesPerEpoch)
{
    readonly Stopwatch clock = new();

    public int Count { get; private set; }
    public double Seconds => clock.Elapsed.TotalSeconds;

    /// <summary>Batches for <paramref name="epoch"/> (1-based): none in the first (the adapter is still the parent) or when the share is 0.</summary>
    public async Task<List<List<Trajectory>>> ForEpoch(int epoch, CancellationToken ct)
    {
        var batches = (int)Math.Round(r.StudentRollouts * batchesPerEpoch);
        if (epoch < 2 || batches == 0 || queries.Count == 0) return [];
        clock.Start();
        try
        {
            // Queries in a seeded order per epoch, cycled: every query gets its turn across epochs.
            var seed = r.Seed * 7919 + epoch;
            var order = queries.ToArray();
            new Random((int)(seed & 0x7fffffff)).Shuffle(order);
            var asked = Enumerable.Range(0, batches * r.BatchSize).Select(i => order[i % order.Length]).ToList();
            var replies = await sampler.SampleStudent(r.Prompt, asked, r, seed, ct);
            Count += replies.Count;
            return replies.Chunk(r.BatchSize).Select(c => c.ToList()).ToList();
        }
        finally
        {
            clock.Stop();
        }
    }
}
