using TorchSharp;
using static TorchSharp.torch;

namespace Arena.Engine.Modules;

/// <summary>
/// A decoder-only language model with an LM head. Subclasses supply the trunk; this class owns what is common:
/// positions, the attention mask, the KV cache bookkeeping, the (possibly tied) LM head and the LoRA registry.
/// </summary>
public abstract class CausalLM : nn.Module
{
    public ModelConfig Config { get; }
    public ScalarType DType { get; }
    public Device Device { get; }

    protected CausalLM(string name, ModelConfig config, ScalarType dtype, Device device) : base(name)
    {
        (Config, DType, Device) = (config, dtype, device);
    }

    /// <summary>ids, positions (B, T); mask (B, 1, T, S) or null → final hidden states (B, T, C).</summary>
    protected abstract Tensor Trunk(Tensor ids, Tensor positions, Tensor? mask, KvCache? cache);

    /// <summary>The output projection's weight (V, C): lm_head, or the token embedding when tied.</summary>
    public abstract Tensor HeadWeight { get; }

    /// <summary>
    /// One forward step. <paramref name="ids"/> (B, T) int64. <paramref name="keyMask"/> (B, S) marks real tokens over
    /// cache + this step (null: no padding). <paramref name="positions"/> (B, T) defaults to cache.Length + 0…T-1,
    /// as Hugging Face's forward does. Returns logits (B, T, V) — or (B, 1, V) for the last position only when
    /// <paramref name="lastOnly"/>, which is all decoding needs and saves the vocabulary-sized matmul elsewhere.
    /// </summary>
    public Tensor Forward(Tensor ids, Tensor? keyMask = null, Tensor? positions = null, KvCache? cache = null, bool lastOnly = false)
    {
        using var scope = NewDisposeScope();
        var h = Hidden(ids, keyMask, positions, cache);
        if (lastOnly) h = h.narrow(1, h.shape[1] - 1, 1);
        return Logits(h).MoveToOuterDisposeScope();
    }

    /// <summary>Final hidden states (B, T, C); see <see cref="Forward"/>.</summary>
    public Tensor Hidden(Tensor ids, Tensor? keyMask = null, Tensor? positions = null, KvCache? cache = null)
    {
        using var scope = NewDisposeScope();
        long b = ids.shape[0], t = ids.shape[1];
        var past = cache?.Length ?? 0;
        positions ??= arange(past, past + t, dtype: ScalarType.Int64, device: ids.device).unsqueeze(0).expand(b, t);
        Tensor? mask = null;
        if (keyMask is not null) mask = AttentionMask.Build(keyMask, (int)t);
        else if (past > 0 && t > 1) mask = AttentionMask.Build(ones(b, past + t, dtype: ScalarType.Bool, device: ids.device), (int)t);
        var h = Trunk(ids, positions, mask, cache);
        cache?.Advance((int)t);
        return h.MoveToOuterDisposeScope();
    }

    /// <summary>hidden (…, C) → logits (…, V).</summary>
    public Tensor Logits(Tensor hidden) => nn.functional.linear(hidden, HeadWeight);

    public KvCache NewCache(long batch, int capacity) =>
        new(Config.NumLayers, batch, Config.NumKvHeads, capacity, Config.HeadDim, DType, Device);

    /// <summary>Every LoRA-capable projection by its checkpoint path (e.g. "model.layers.0.self_attn.q_proj").</summary>
    public IReadOnlyDictionary<string, LoraLinear> Projections() =>
        named_modules().Where(m => m.module is LoraLinear).ToDictionary(m => m.name, m => (LoraLinear)m.module);
}
