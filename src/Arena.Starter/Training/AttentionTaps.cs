using Arena.Engine.Modules;
using static TorchSharp.torch;

namespace Arena.Starter.Training;

/// <summary>
/// Records the attention log-weights and residual outputs of chosen heads while it is attached to a model, to
/// supervise them while training (<see cref="AttentionGuide"/>). It observes the layers it watches through
/// <see cref="LlamaAttention.Observer"/>, so the engine's forward pass knows nothing of it. The recorded tensors keep
/// their autograd graph and belong to this object: dispose it after the backward pass, which also detaches it.
/// </summary>
public sealed class AttentionTaps : IAttentionObserver, IDisposable
{
    readonly (int Layer, int Head)[] wanted;
    readonly LlamaAttention[] watched;
    readonly Dictionary<(int Layer, int Head), Tensor> recorded = [];
    readonly Dictionary<(int Layer, int Head), Tensor> outputs = [];

    /// <exception cref="NotSupportedException">The model is not of the Llama family (GPT-2 has no observable attention).</exception>
    public AttentionTaps(CausalLM model, IEnumerable<(int Layer, int Head)> heads)
    {
        wanted = [.. heads.Distinct()];
        var layers = model.named_modules().Select(m => m.module).OfType<LlamaAttention>().ToList();
        if (layers.Count == 0) throw new NotSupportedException("attention taps are implemented for the Llama family only");
        watched = [.. layers.Where(a => wanted.Any(h => h.Layer == a.Layer))];
        foreach (var attention in watched)
        {
            if (attention.Observer is not null) throw new InvalidOperationException($"layer {attention.Layer} is already observed");
            attention.Observer = this;
        }
    }

    /// <summary>Log attention weights (B, T, S) of one head from the last forward pass.</summary>
    public Tensor this[int layer, int head] =>
        recorded.TryGetValue((layer, head), out var t) ? t : throw new InvalidOperationException($"head {layer}.{head} was not recorded");

    /// <summary>What one head adds to the residual stream (B, T, C): its attention output through its slice of o_proj.</summary>
    public Tensor Output(int layer, int head) =>
        outputs.TryGetValue((layer, head), out var t) ? t : throw new InvalidOperationException($"head {layer}.{head} was not recorded");

    void IAttentionObserver.Observe(LlamaAttention attention, Tensor q, Tensor k, Tensor? mask, Tensor heads)
    {
        long groups = q.shape[1] / k.shape[1], hd = q.shape[3];
        foreach (var (layer, head) in wanted.Where(h => h.Layer == attention.Layer))
        {
            Keep(recorded, layer, head, LogWeights(q.select(1, head), k.select(1, head / groups), mask));
            Keep(outputs, layer, head, heads.select(1, head).matmul(attention.o_proj.weight.narrow(1, head * hd, hd).t()));
        }
    }

    /// <summary>
    /// Log attention weights of one head: q (B, T, hd), k (B, S, hd), mask (B, 1, T, S) or null for plain causal
    /// (the T queries being the last T of the S keys). Returns (B, T, S), the log of what SDPA's softmax computes.
    /// </summary>
    public static Tensor LogWeights(Tensor q, Tensor k, Tensor? mask)
    {
        using var scope = NewDisposeScope();
        long t = q.shape[1], s = k.shape[1];
        // Softmax in float32 even for a bf16 model: the log of a small weight is what the guide's loss reads.
        var scores = q.matmul(k.transpose(1, 2)).to_type(ScalarType.Float32).div(Math.Sqrt(q.shape[2]));  // (B, T, S)
        var allowed = mask?.squeeze(1) ?? ones(t, s, dtype: ScalarType.Bool, device: q.device).tril(s - t).unsqueeze(0);
        return scores.masked_fill(allowed.logical_not(), float.NegativeInfinity).log_softmax(-1).MoveToOuterDisposeScope();
    }

    static void Keep(Dictionary<(int, int), Tensor> into, int layer, int head, Tensor t)
    {
        if (into.Remove((layer, head), out var old)) old.Dispose();
        into[(layer, head)] = t.DetachFromDisposeScope();
    }

    public void Dispose()
    {
        foreach (var attention in watched) attention.Observer = null;
        foreach (var t in recorded.Values.Concat(outputs.Values)) t.Dispose();
        recorded.Clear();
        outputs.Clear();
    }
}
