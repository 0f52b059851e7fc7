using static TorchSharp.torch;

namespace Arena.Engine.Modules;

/// <summary>What every layer's attention needs for one forward step, computed once per step by the model.</summary>
public sealed record AttentionContext(
    Tensor? Cos,          // (B, 1, T, hd) rotary tables; null for GPT-2
    Tensor? Sin,
    Tensor? Mask,         // (B, 1, T, S) bool, or null when plain causal (no padding) suffices
    KvCache? Cache);
