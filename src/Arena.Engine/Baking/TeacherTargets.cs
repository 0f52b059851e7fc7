using Arena.Contracts.Bakes;
using Arena.Engine.Modules;
using static TorchSharp.torch;

namespace Arena.Engine.Baking;

/// <summary>
/// The prompted teacher's next-token distributions at the trained positions of a batch: full log-probabilities
/// (N, V), or the top-k ids (N, k) with log-probabilities renormalised over them.
/// </summary>
public sealed class TeacherTargets(Tensor logp, Tensor? ids) : IDisposable
{
    public Tensor LogProbs { get; } = logp;
    public Tensor? TopKIds { get; } = ids;

    public long Bytes => LogProbs.NumberOfElements * 4 + (TopKIds?.NumberOfElements ?? 0) * 8;

    /// <summary>Teacher forward (no grad) over the batch; <paramref name="kl"/> picks full or top-k.</summary>
    public static TeacherTargets Compute(CausalLM model, SequenceBatch batch, KlMode kl)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var logits = GatherLogits(model, batch).to_type(ScalarType.Float32);              // (N, V)
        if (kl.TopK is { } k && k < logits.shape[^1])
        {
            var (values, ids) = logits.topk(k);
            var logp = values.log_softmax(-1);
            return new TeacherTargets(logp.MoveToOuterDisposeScope(), ids.MoveToOuterDisposeScope());
        }
        return new TeacherTargets(logits.log_softmax(-1).MoveToOuterDisposeScope(), null);
    }

    /// <summary>Logits at the batch's trained positions only (N, V): the vocabulary matmul is skipped for prompt tokens.</summary>
    public static Tensor GatherLogits(CausalLM model, SequenceBatch batch)
    {
        using var scope = NewDisposeScope();
        var hidden = model.Hidden(batch.Ids);                                               // (B, T, C)
        var rows = hidden.reshape(-1, hidden.shape[^1]).index_select(0, batch.Positions);   // (N, C)
        return model.Logits(rows).MoveToOuterDisposeScope();
    }

    /// <summary>KL(teacher ‖ student) per position (N) for the student's full log-probabilities.</summary>
    public Tensor Kl(Tensor studentLogp) =>
        TopKIds is null ? KlDivergence.Full(LogProbs, studentLogp) : KlDivergence.TopK(TopKIds, LogProbs, studentLogp);

    public TeacherTargets To(Device device) => new(LogProbs.to(device), TopKIds?.to(device));

    public void Dispose()
    {
        LogProbs.Dispose();
        TopKIds?.Dispose();
    }
}
