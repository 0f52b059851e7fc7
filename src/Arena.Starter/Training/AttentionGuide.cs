using Arena.Engine.Modules;
using static TorchSharp.torch;

namespace Arena.Starter.Training;

/// <summary>What a guided head should attend to.</summary>
public enum HeadPattern
{
    /// <summary>The token just before the query (the first half of an induction circuit).</summary>
    PreviousToken,
    /// <summary>
    /// The token that followed an earlier occurrence of the query's token ("… A B … A" attends to B): with a
    /// previous-token head below it, this is the induction head that lets a model copy a name it has just read.
    /// </summary>
    Induction,
    /// <summary>Induction on the last two tokens ("… A B C … A B" attends to C): tells apart copies that share a token.</summary>
    Induction2,
    /// <summary>
    /// The earlier position that holds the token the query must predict next, where it is held at most twice: a
    /// retrieval head. Induction finds a copy only when the current token repeats; a fact's answer ("… was born in")
    /// must find the object by its sentence's subject, which this supervises directly (training knows the next token).
    /// </summary>
    Pointer,
    /// <summary>
    /// Every earlier position of the sentence(s) that hold the token the query must predict next (held at most twice):
    /// a lookup head that may find a fact by any of its words. A pointer must find the object's own position, which a
    /// causal model cannot tie to a subject that comes after it ("Limeburg is the capital of Larean"); the sentence lets
    /// the head match the subject, whose position can have gathered its object from earlier in the sentence.
    /// Needs <see cref="AttentionGuide.SentenceEnds"/>.
    /// </summary>
    Sentence,
}

/// <summary>
/// One guided head. <paramref name="CopyScale"/> multiplies the guide's copy weight for this head alone: a pointer's
/// first-token copy competes with the model's prior for known words, which the induction heads' copies do not.
/// </summary>
public sealed record GuidedHead(int Layer, int Head, HeadPattern Pattern, double CopyScale = 1);

/// <summary>
/// Auxiliary supervision of attention patterns while training from scratch. Small models trained briefly on the CPU
/// sit on a long plateau before an induction circuit forms (the loss of copying a new name stays at ~4 nats a token for
/// thousands of steps); an extra loss that pulls a few heads towards the circuit's known patterns gives those heads a
/// gradient from the first step. The model stays a plain Llama: only training sees the guide.
/// </summary>
public sealed record AttentionGuide
{
    public required IReadOnlyList<GuidedHead> Heads { get; init; }
    /// <summary>Weight of the guide loss beside the language-model loss.</summary>
    public double Weight { get; init; } = 0.5;
    /// <summary>
    /// Weight of the copy loss: an induction head's own output, read through the LM head, should predict the next token
    /// wherever copying the attended token is right. Attention alone was not enough: in a 4 M model the induction head
    /// found the right token but the prediction still followed the prior.
    /// </summary>
    public double CopyWeight { get; init; }
    /// <summary>Guide only the first this-many steps (null: the whole run).</summary>
    public int? Steps { get; init; }
    /// <summary>Token ids that end a sentence (".", "?", newlines, chat markers) for <see cref="HeadPattern.Sentence"/>.</summary>
    public IReadOnlyList<int> SentenceEnds { get; init; } = [];

    /// <summary>The standard two-layer circuit: head 0 of layer 0 looks one token back, head 0 of layer 1 induces.</summary>
    public static AttentionGuide Induction(double weight = 0.5, int? steps = null) => new()
    {
        Heads = [new GuidedHead(0, 0, HeadPattern.PreviousToken), new GuidedHead(1, 0, HeadPattern.Induction)],
        Weight = weight,
        Steps = steps,
    };

    /// <summary>
    /// Parses "0.0:prev,1.0:ind,3.0:next*3" (layer.head:pattern, comma-separated; an optional *scale multiplies that
    /// head's copy weight).
    /// </summary>
    public static AttentionGuide Parse(string spec, double weight, int? steps = null)
    {
        var heads = spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(part =>
        {
            var (where, what) = part.Split(':') is [var w, var p] ? (w, p) : throw new ArgumentException($"guided head '{part}' is not layer.head:pattern");
            var scale = 1.0;
            if (what.Split('*') is [var name, var factor])
            {
                if (!double.TryParse(factor, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out scale)
                    || !(scale >= 0) || !double.IsFinite(scale))
                    throw new ArgumentException($"guided head '{part}': the copy scale after '*' must be a number ≥ 0");
                what = name;
            }
            var (layer, head) = where.Split('.') is [var l, var h] && int.TryParse(l, out var li) && int.TryParse(h, out var hi)
                ? (li, hi) : throw new ArgumentException($"guided head '{part}' is not layer.head:pattern");
            var pattern = what switch
            {
                "prev" => HeadPattern.PreviousToken,
                "ind" => HeadPattern.Induction,
                "ind2" => HeadPattern.Induction2,
                "next" => HeadPattern.Pointer,
                "sent" => HeadPattern.Sentence,
                _ => throw new ArgumentException($"unknown head pattern '{what}' (prev, ind, ind2, next, sent)"),
            };
            return new GuidedHead(layer, head, pattern, scale);
        }).ToList();
        return new AttentionGuide { Heads = heads, Weight = weight, Steps = steps };
    }

    /// <summary>Checks the guide against the model it will train (the tokenizer's sentence ends must be known by then).</summary>
    public void Validate(ModelConfig config)
    {
        Validate(config.NumLayers, config.NumHeads);
        if (Heads.Any(h => h.Pattern == HeadPattern.Sentence) && SentenceEnds.Count == 0)
            throw new ArgumentException("a sentence head needs the tokenizer's sentence-end tokens (SentenceEnds)");
    }

    /// <summary>Checks the guide against a model shape (callers that plan a model check before building it).</summary>
    public void Validate(int layers, int heads)
    {
        if (Heads.Count == 0) throw new ArgumentException("an attention guide needs at least one head");
        if (!(Weight > 0) || !double.IsFinite(Weight)) throw new ArgumentException($"guide weight must be positive, got {Weight}");
        foreach (var h in Heads)
            if (h.Layer < 0 || h.Layer >= layers || h.Head < 0 || h.Head >= heads)
                throw new ArgumentException($"guided head {h.Layer}.{h.Head} is outside a model of {layers} layers × {heads} heads");
    }

    /// <summary>
    /// Mean over guided heads of −log(attention mass on the pattern's targets), over query positions that are real
    /// tokens and have a target. logWeights (B, T, T) per head from <see cref="AttentionTaps"/>; ids, real (B, T).
    /// </summary>
    public Tensor Loss(AttentionTaps taps, Tensor ids, Tensor real) => Loss(taps, ids, real, null, null);

    /// <summary>
    /// The attention loss plus, when <see cref="CopyWeight"/> is set, the copy loss of induction heads
    /// (<paramref name="next"/> (B, T): the token each position predicts; <paramref name="model"/> supplies the LM head).
    /// </summary>
    public Tensor Loss(AttentionTaps taps, Tensor ids, Tensor real, Tensor? next, CausalLM? model)
    {
        using var scope = NewDisposeScope();
        var losses = new List<Tensor>();
        foreach (var h in Heads)
        {
            var targets = Targets(h.Pattern, ids, real, next, SentenceEnds);
            losses.Add(PatternLoss(taps[h.Layer, h.Head], targets, real));
            var copyWeight = CopyWeight * h.CopyScale;
            if (copyWeight > 0 && next is not null && model is not null && h.Pattern != HeadPattern.PreviousToken)
                losses.Add(CopyLoss(taps.Output(h.Layer, h.Head), targets, ids, next, model).mul(copyWeight / Weight));
        }
        return stack(losses).sum().div(Heads.Count).MoveToOuterDisposeScope();
    }

    const int MaxCopyRows = 384;

    /// <summary>
    /// Cross-entropy of a head's own vote (its residual contribution, RMS-normalised, through the LM head) on the next
    /// token, at positions where one of its targets holds exactly that token.
    /// </summary>
    static Tensor CopyLoss(Tensor output, Tensor targets, Tensor ids, Tensor next, CausalLM model)
    {
        using var scope = NewDisposeScope();
        var right = targets.logical_and(ids.unsqueeze(1).eq(next.unsqueeze(2))).any(-1);   // (B, T)
        if (!right.any().item<bool>()) return tensor(0f, device: output.device).MoveToOuterDisposeScope();
        var rows = right.reshape(-1).nonzero().squeeze(1);
        // A few hundred positions give the head a clear gradient; the LM head over all of them would cost a tenth of
        // the step. The subset comes from torch's seeded generator, so a seeded run stays reproducible.
        if (rows.shape[0] > MaxCopyRows) rows = rows.index_select(0, randperm(rows.shape[0], device: rows.device).narrow(0, 0, MaxCopyRows));
        var x = output.reshape(-1, output.shape[^1]).index_select(0, rows);
        x = RmsNorm.Normalize(x.to_type(ScalarType.Float32), 1e-6).to_type(x.dtype);
        var loss = nn.functional.cross_entropy(model.Logits(x).to_type(ScalarType.Float32), next.reshape(-1).index_select(0, rows));
        return loss.MoveToOuterDisposeScope();
    }

    /// <summary>targets[b, i, j]: whether query i should attend to key j under <paramref name="pattern"/> (B, T, T).</summary>
    public static Tensor Targets(HeadPattern pattern, Tensor ids, Tensor real, Tensor? next = null, IReadOnlyList<int>? sentenceEnds = null)
    {
        using var scope = NewDisposeScope();
        long t = ids.shape[1];
        var q = arange(t, device: ids.device).unsqueeze(1);                       // (T, 1)
        var k = arange(t, device: ids.device).unsqueeze(0);                       // (1, T)
        Tensor targets;
        if (pattern == HeadPattern.PreviousToken)
            targets = k.eq(q.sub(1)).unsqueeze(0).expand(ids.shape[0], t, t);
        else if (pattern is HeadPattern.Pointer or HeadPattern.Sentence)
        {
            // Key j ≤ i holds the token query i predicts; a token held in more places (".", "the") is no pointer.
            var holds = (next ?? throw new ArgumentException("pointer and sentence heads need the next tokens")).unsqueeze(2).eq(ids.unsqueeze(1))
                .logical_and(k.le(q).unsqueeze(0));
            targets = holds.logical_and(holds.sum(-1, keepdim: true).le(MaxPointerCopies));
            if (pattern == HeadPattern.Sentence)
            {
                // Sentence number of every position (an end token belongs to the sentence it ends); a query's targets
                // are the keys (≤ i) in the sentences of its at most two held positions: the lowest and the highest.
                var sentence = SentenceNumbers(ids, sentenceEnds ?? throw new ArgumentException("the sentence pattern needs sentence-end tokens"));
                var keySentence = sentence.unsqueeze(1).expand(ids.shape[0], t, t);        // (B, T, T): sentence of key j
                var high = keySentence.masked_fill(targets.logical_not(), -1).amax([-1L], keepdim: true);
                var low = keySentence.masked_fill(targets.logical_not(), long.MaxValue).amin([-1L], keepdim: true);
                targets = keySentence.eq(high).logical_or(keySentence.eq(low)).logical_and(k.le(q).unsqueeze(0));
            }
        }
        else
        {
            // Key j is a target of query i when the token before j equals token i, and j ≤ i (causal); for
            // Induction2 the token before that must equal token i-1 as well.
            var before = Shift(ids, 1);
            targets = ids.unsqueeze(2).eq(before.unsqueeze(1)).logical_and(k.le(q).unsqueeze(0));
            if (pattern == HeadPattern.Induction2)
                targets = targets.logical_and(Shift(ids, 1).unsqueeze(2).eq(Shift(ids, 2).unsqueeze(1)))
                    .logical_and(q.ge(1).unsqueeze(0));
        }
        return targets.logical_and(real.unsqueeze(1)).logical_and(real.unsqueeze(2)).MoveToOuterDisposeScope();
    }

    const int MaxPointerCopies = 2;

    /// <summary>For each position, how many sentence ends come strictly before it (B, T).</summary>
    static Tensor SentenceNumbers(Tensor ids, IReadOnlyList<int> ends)
    {
        var size = Math.Max(ids.max().item<long>(), ends.Count == 0 ? 0 : ends.Max()) + 1;
        var table = zeros(size, dtype: ScalarType.Bool, device: ids.device);
        if (ends.Count > 0) table.index_fill_(0, tensor(ends.Select(e => (long)e).ToArray(), device: ids.device), true);
        var isEnd = table.index_select(0, ids.reshape(-1).clamp_min(0)).reshape(ids.shape).to_type(ScalarType.Int64);
        return isEnd.cumsum(1).sub(isEnd);
    }

    /// <summary>ids moved right by <paramref name="n"/> positions, filled with −1 (matches no token).</summary>
    static Tensor Shift(Tensor ids, int n)
    {
        long t = ids.shape[1];
        if (n >= t) return full_like(ids, -1L);
        return cat([full(ids.shape[0], n, -1L, dtype: ids.dtype, device: ids.device), ids.narrow(1, 0, t - n)], 1);
    }

    static Tensor PatternLoss(Tensor logWeights, Tensor targets, Tensor real)
    {
        using var scope = NewDisposeScope();
        var mass = logWeights.masked_fill(targets.logical_not(), float.NegativeInfinity).logsumexp(-1);  // (B, T)
        var scored = targets.any(-1);
        var loss = scored.any().item<bool>() ? mass.masked_select(scored).neg().mean() : tensor(0f, device: logWeights.device);
        return loss.MoveToOuterDisposeScope();
    }
}
