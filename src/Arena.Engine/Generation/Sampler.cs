using static TorchSharp.torch;

namespace Arena.Engine.Generation;

/// <summary>Next-token choice on the device, in transformers' order: temperature, then top-k, then top-p.</summary>
public static class Sampler
{
    /// <summary>logits (B, V) → token ids (B) int64.</summary>
    public static Tensor Next(Tensor logits, SamplingOptions o, Generator? generator)
    {
        using var scope = NewDisposeScope();
        if (o.Greedy) return logits.argmax(-1).MoveToOuterDisposeScope();
        var scores = logits.to_type(ScalarType.Float32).div(o.Temperature);
        if (o.TopK > 0 && o.TopK < scores.shape[^1])
        {
            var (values, _) = scores.topk(o.TopK);
            var threshold = values.narrow(-1, o.TopK - 1, 1);                                 // (B, 1)
            scores = scores.masked_fill(scores.lt(threshold), double.NegativeInfinity);
        }
        if (o.TopP < 1.0) scores = TopP(scores, o.TopP);
        var probs = scores.softmax(-1);
        return probs.multinomial(1, generator: generator).squeeze(-1).MoveToOuterDisposeScope();
    }

    /// <summary>Keeps the smallest set of tokens whose probability reaches p (always at least the top one).</summary>
    static Tensor TopP(Tensor scores, double p)
    {
        var (sorted, order) = scores.sort(-1, descending: true);
        var probs = sorted.softmax(-1);
        var before = probs.cumsum(-1).sub(probs);                                             // mass strictly above each token
        var dropSorted = before.gt(p);
        var drop = zeros_like(dropSorted).scatter(-1, order, dropSorted);
        return scores.masked_fill(drop, double.NegativeInfinity);
    }
}
