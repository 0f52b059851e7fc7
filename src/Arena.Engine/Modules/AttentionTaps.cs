using static TorchSharp.torch;

namespace Arena.Engine.Modules;

/// <summary>
/// Asks a forward pass for the attention log-weights of chosen heads, e.g. to supervise them while training
/// (<see cref="Training.AttentionGuide"/>). The recorded tensors keep their autograd graph and belong to this object:
/// dispose it after the backward pass.
/// </summary>
public sealed class AttentionTaps(IEnumerable<(int Layer, int Head)> heads) : IDisposable
{
    readonly (int Layer, int Head)[] wanted = [.. heads.Distinct()];
    readonly Dictionary<(int Layer, int Head), Tensor> recorded = [];
    readonly Dictionary<(int Layer, int Head), Tensor> outputs = [];

    /// <summary>The heads of <paramref name="layer"/> to record.</summary>
    public IEnumerable<int> HeadsOf(int layer) => wanted.Where(h => h.Layer == layer).Select(h => h.Head);

    /// <summary>Log attention weights (B, T, S) of one head from the last forward pass.</summary>
    public Tensor this[int layer, int head] =>
        recorded.TryGetValue((layer, head), out var t) ? t : throw new InvalidOperationException($"head {layer}.{head} was not recorded");

    /// <summary>What one head adds to the residual stream (B, T, C): its attention output through its slice of o_proj.</summary>
    public Tensor Output(int layer, int head) =>
        outputs.TryGetValue((layer, head), out var t) ? t : throw new InvalidOperationException($"head {layer}.{head} was not recorded");

    internal void Record(int layer, int head, Tensor logWeights) => Keep(recorded, layer, head, logWeights);

    internal void RecordOutput(int layer, int head, Tensor output) => Keep(outputs, layer, head, output);

    static void Keep(Dictionary<(int, int), Tensor> into, int layer, int head, Tensor t)
    {
        if (into.Remove((layer, head), out var old)) old.Dispose();
        into[(layer, head)] = t.DetachFromDisposeScope();
    }

    public void Dispose()
    {
        foreach (var t in recorded.Values.Concat(outputs.Values)) t.Dispose();
        recorded.Clear();
        outputs.Clear();
    }
}
