using static TorchSharp.torch;

namespace Arena.Starter.Training;

/// <summary>
/// Endless seeded batches of examples of similar length (sorted into buckets, shuffled), right-padded with id 0
/// and a false loss mask. Examples longer than the sequence length are cut.
/// </summary>
public sealed class BatchSampler
{
    readonly List<TrainingExample[]> buckets;
    readonly Random random;
    int next;

    public BatchSampler(IReadOnlyList<TrainingExample> examples, int batchSize, int sequenceLength, long seed)
    {
        random = new Random((int)(seed & 0x7fffffff));
        var cut = examples.Select(e => e.Length <= sequenceLength ? e : new TrainingExample(e.Ids[..sequenceLength], e.LossMask[..sequenceLength]))
            .Where(e => e.Length >= 2).ToArray();
        if (cut.Length == 0) throw new ArgumentException("every example is shorter than two tokens");
        random.Shuffle(cut);
        // Sort shuffled examples by length, then chunk: batches of near-equal length waste little on padding.
        buckets = cut.OrderBy(e => e.Length).Chunk(batchSize).ToList();
        Reshuffle();
    }

    void Reshuffle()
    {
        var order = buckets.ToArray();
        random.Shuffle(order);
        buckets.Clear();
        buckets.AddRange(order);
        next = 0;
    }

    /// <summary>(ids, mask), both (B, T) with T the longest example in the batch.</summary>
    public (Tensor Ids, Tensor Mask) Next()
    {
        if (next == buckets.Count) Reshuffle();
        var batch = buckets[next++];
        var t = batch.Max(e => e.Length);
        var ids = new long[batch.Length * t];
        var mask = new bool[batch.Length * t];
        for (int r = 0; r < batch.Length; r++)
            for (int j = 0; j < batch[r].Length; j++)
            {
                ids[r * t + j] = batch[r].Ids[j];
                mask[r * t + j] = batch[r].LossMask[j];
            }
        return (tensor(ids, [batch.Length, t]), tensor(mask, [batch.Length, t]));
    }
}
