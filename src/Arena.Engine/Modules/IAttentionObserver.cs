using static TorchSharp.torch;

namespace Arena.Engine.Modules;

/// <summary>
/// Sees inside a Llama attention layer's forward pass. A trainer that supervises attention patterns registers one on
/// the layers it watches (<see cref="LlamaAttention.Observer"/>); inference registers none, so its forward pass carries
/// no extra arguments and pays one null check a layer.
/// </summary>
public interface IAttentionObserver
{
    /// <summary>
    /// Called by <paramref name="attention"/> once a forward step has attended. The tensors belong to that step's
    /// dispose scope: detach what must outlive it.
    /// </summary>
    /// <param name="q">Queries after RoPE (B, nh, T, hd).</param>
    /// <param name="k">Keys after RoPE, cached ones included (B, n_kv, S, hd).</param>
    /// <param name="mask">(B, 1, T, S) bool, or null when plain causal attention sufficed.</param>
    /// <param name="heads">Every head's attention output, before o_proj (B, nh, T, hd).</param>
    void Observe(LlamaAttention attention, Tensor q, Tensor k, Tensor? mask, Tensor heads);
}
