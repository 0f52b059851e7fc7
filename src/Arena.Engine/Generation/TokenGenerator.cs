using System.Runtime.CompilerServices;
using Arena.Engine.Modules;
using static TorchSharp.torch;

namespace Arena.Engine.Generation;

/// <summary>
/// Batched autoregressive decoding over a KV cache. Prompts are left-padded to a common length with an attention
/// mask and per-row positions (as transformers' generate does), so a padded row computes exactly what it would
/// alone. The prefix is computed once; each step feeds one token per row. Finished rows are dropped from the
/// batch (and the cache), so long and short replies in one batch cost what they each need.
/// </summary>
public sealed class TokenGenerator(CausalLM model)
{
    public async IAsyncEnumerable<TokenStep> Generate(IReadOnlyList<int[]> prompts, SamplingOptions options,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        options.Validate();
        if (prompts.Count == 0) yield break;
        if (prompts.Any(p => p.Length == 0)) throw new ArgumentException("every prompt needs at least one token");
        var promptLen = prompts.Max(p => p.Length);
        var capacity = promptLen + options.MaxNewTokens;
        if (capacity > model.Config.MaxPositionEmbeddings)
            throw new ArgumentException($"prompt ({promptLen} tokens) + max tokens ({options.MaxNewTokens}) exceeds the model's context of {model.Config.MaxPositionEmbeddings}");
        var vocab = model.Config.VocabSize;
        if (prompts.Any(p => p.Any(t => t < 0 || t >= vocab))) throw new ArgumentException($"token id outside the vocabulary (0..{vocab - 1})");

        // Grad mode is thread-local and this iterator resumes on whichever thread the consumer continues on, so
        // no_grad is scoped to each synchronous step below, never held across a yield.
        var device = model.Device;
        var gen = new Generator((ulong)(options.Seed ?? Random.Shared.NextInt64()), device);
        var stopIds = options.StopTokenIds.ToHashSet();
        var rows = Enumerable.Range(0, prompts.Count).ToList();    // caller's row for each batch row
        var stopRequests = new HashSet<int>();

        using var cache = model.NewCache(prompts.Count, capacity);
        var (ids, keyMask, positions) = LeftPad(prompts, promptLen, capacity, device);
        var next = Step(ids, keyMask.narrow(1, 0, promptLen), positions, cache, options, gen);
        ids.Dispose();
        var lastPos = positions.select(1, promptLen - 1).clone();      // (B)
        positions.Dispose();
        for (int step = 0; step < options.MaxNewTokens; step++)
        {
            ct.ThrowIfCancellationRequested();
            var tokens = next.cpu().data<long>().Select(t => (int)t).ToArray();   // the one sync per step streaming needs
            var finished = tokens.Select(t => stopIds.Contains(t) || step == options.MaxNewTokens - 1).ToArray();
            var result = new TokenStep(step, rows.ToArray(), tokens, finished, stopRequests);
            yield return result;
            await Task.Yield();
            var keep = Enumerable.Range(0, rows.Count).Where(i => !finished[i] && !stopRequests.Contains(rows[i])).ToList();
            if (keep.Count == 0) break;
            if (keep.Count < rows.Count)
            {
                using var index = tensor(keep.Select(i => (long)i).ToArray(), device: device);
                cache.SelectRows(index);
                Replace(ref next, next.index_select(0, index));
                Replace(ref lastPos, lastPos.index_select(0, index));
                Replace(ref keyMask, keyMask.index_select(0, index));
                rows = keep.Select(i => rows[i]).ToList();
            }
            lastPos.add_(1);
            using var stepIds = next.unsqueeze(1);
            using var stepMask = keyMask.narrow(1, 0, cache.Length + 1);
            using var stepPos = lastPos.unsqueeze(1);
            Replace(ref next, Step(stepIds, stepMask, stepPos, cache, options, gen));
        }
    }

    static void Replace(ref Tensor t, Tensor next)
    {
        t.Dispose();
        t = next;
    }

    /// <summary>One forward over ids (B, T) (the whole prompt, then one token) and the choice of the next token (B).</summary>
    Tensor Step(Tensor ids, Tensor keyMask, Tensor positions, KvCache cache, SamplingOptions o, Generator gen)
    {
        TorchThreads.Apply();  // each step may resume on another thread-pool thread
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var logits = model.Forward(ids, keyMask, positions, cache, lastOnly: true).squeeze(1);
        return Sampler.Next(logits, o, gen).MoveToOuterDisposeScope();
    }

    /// <summary>ids (B, L) left-padded with 0, mask (B, capacity) with 1 on real and future tokens, positions (B, L) counting real tokens from 0.</summary>
    internal static (Tensor Ids, Tensor KeyMask, Tensor Positions) LeftPad(IReadOnlyList<int[]> prompts, int len, int capacity, Device device)
    {
        var b = prompts.Count;
        var ids = new long[b * len];
        var mask = new long[b * capacity];
        var pos = new long[b * len];
        for (int r = 0; r < b; r++)
        {
            var p = prompts[r];
            var pad = len - p.Length;
            for (int j = 0; j < capacity; j++) mask[r * capacity + j] = j >= pad ? 1 : 0;
            for (int j = 0; j < p.Length; j++)
            {
                ids[r * len + pad + j] = p[j];
                pos[r * len + pad + j] = j;
            }
        }
        return (tensor(ids, [b, len], device: device), tensor(mask, [b, capacity], device: device), tensor(pos, [b, len], device: device));
    }
}
