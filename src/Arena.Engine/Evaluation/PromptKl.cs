using Arena.Contracts.Bakes;
using Arena.Engine.Baking;
using Arena.Engine.Lora;
using Arena.Evaluation.Kl;
using static TorchSharp.torch;

namespace Arena.Engine.Evaluation;

/// <summary>
/// KL(prompted ‖ model) per token on held-out queries: what a bake minimises, measured after the fact. The teacher
/// (the base with the prompt as system prompt, adapters off) writes one reply per query; on those replies each
/// token's teacher distribution is compared with the model unprompted (adapters on: after the bake) and the base
/// unprompted (adapters off: before it). The baker's own pieces do the work (sampler, sequence batches, teacher
/// targets, KL), so this is the same number as a bake report's held-out KL, on other queries.
/// </summary>
/// <param name="adapters">The adapters that make "the model" differ from "the base" (see <see cref="ModelReplySource"/>).</param>
public sealed class PromptKl(LanguageModel language, IReadOnlyList<string> adapters)
{
    /// <summary>The stack's base is the base; all its adapters are the model.</summary>
    public PromptKl(ModelStack stack) : this(stack.Language, [.. stack.Adapters.Select(a => a.Name)])
    {
    }

    /// <summary>
    /// Replies are sampled at temperature 1 with no top-p: KL(P ‖ Q) is an expectation over the teacher's own
    /// distribution P, which a greedy or truncated reply would not be a sample of.
    /// </summary>
    public const double Temperature = 1.0;

    /// <summary>Replies scored together: full-vocabulary log-probabilities of a batch stay small on a CPU.</summary>
    public int RowsPerBatch { get; init; } = 16;

    /// <summary>One entry per distinct query, in order; a query whose reply came out empty has no tokens.</summary>
    public async Task<IReadOnlyList<KlQuery>> MeasureAsync(string prompt, IReadOnlyList<string> queries, long seed, int maxNewTokens, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(prompt)) throw new ArgumentException("KL fidelity needs a prompt");
        var distinct = queries.Distinct().ToList();
        if (distinct.Count == 0) throw new ArgumentException("KL fidelity needs at least one query");
        var model = language.Model;
        var sampling = new BakeRecipe { Prompt = prompt, TrajectoriesPerQuery = 1, MaxTokens = maxNewTokens, Temperature = Temperature, TopP = 1, Seed = seed };
        try
        {
            SetAdapters(false);
            var (trajectories, _) = await new TrajectorySampler(model, language.Tokenizer)
                .Sample(prompt, distinct.Select(q => (q, true)).ToList(), sampling, null, ct);
            var measured = new Dictionary<string, KlQuery>(StringComparer.Ordinal);
            foreach (var batch in trajectories.Chunk(RowsPerBatch))
            {
                ct.ThrowIfCancellationRequested();
                foreach (var q in Measure(batch)) measured[q.Query] = q;
            }
            return distinct.Select(q => measured.GetValueOrDefault(q) ?? new KlQuery(q, "", [], [])).ToList();
        }
        finally
        {
            SetAdapters(true);
        }
    }

    List<KlQuery> Measure(Trajectory[] batch)
    {
        TorchThreads.Apply();
        var model = language.Model;
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        SetAdapters(false);
        using var teachers = new SequenceBatch(batch.Select(t => (t.TeacherPrompt, t.Reply)).ToList(), model.Device);
        var targets = TeacherTargets.Compute(model, teachers, KlMode.Full);
        using var students = new SequenceBatch(batch.Select(t => (t.StudentPrompt, t.Reply)).ToList(), model.Device);
        var before = PerToken(targets, students);
        SetAdapters(true);
        var after = PerToken(targets, students);
        // Positions are laid out row by row, each row's reply in order: split the flat values by reply length.
        var result = new List<KlQuery>(batch.Length);
        for (int i = 0, at = 0; i < batch.Length; at += batch[i].Reply.Length, i++)
        {
            var reply = language.Tokenizer.Decode(batch[i].Reply, skipSpecial: true).Trim();
            result.Add(new KlQuery(batch[i].Query, reply, after[at..(at + batch[i].Reply.Length)], before[at..(at + batch[i].Reply.Length)]));
        }
        return result;
    }

    double[] PerToken(TeacherTargets targets, SequenceBatch students)
    {
        using var scope = NewDisposeScope();
        var logp = TeacherTargets.GatherLogits(language.Model, students).to_type(ScalarType.Float32).log_softmax(-1);   // (N, V)
        return targets.Kl(logp).cpu().data<float>().Select(v => (double)v).ToArray();                                        // (N)
    }

    void SetAdapters(bool enabled)
    {
        foreach (var adapter in adapters) language.Model.SetEnabled(adapter, enabled);
    }
}
