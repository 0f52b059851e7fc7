using static TorchSharp.torch;

namespace Arena.Engine.Baking;

/// <summary>
/// Prompt + reply sequences right-padded into one (B, T) batch, with the flat indices of the positions whose
/// next-token distributions are trained: for a prompt of length P and a reply of length L, positions P-1 … P+L-2.
/// </summary>
public sealed class SequenceBatch : IDisposable
{
    public Tensor Ids { get; }        // (B, T) int64
    public Tensor Positions { get; }  // (N) int64 indices into the flattened (B·T)
    public int Count { get; }          // N

    public SequenceBatch(IReadOnlyList<(int[] Prompt, int[] Reply)> rows, Device device)
    {
        var t = rows.Max(r => r.Prompt.Length + r.Reply.Length);
        var ids = new long[rows.Count * t];
        var positions = new List<long>();
        for (int i = 0; i < rows.Count; i++)
        {
            var (prompt, reply) = rows[i];
            for (int j = 0; j < prompt.Length; j++) ids[i * t + j] = prompt[j];
            for (int j = 0; j < reply.Length; j++)
            {
                ids[i * t + prompt.Length + j] = reply[j];
                positions.Add(i * t + prompt.Length - 1 + j);
            }
        }
        Ids = tensor(ids, [rows.Count, t], device: device);
        Positions = tensor(positions.ToArray(), device: device);
        Count = positions.Count;
    }

    public void Dispose()
    {
        Ids.Dispose();
        Positions.Dispose();
    }
}
