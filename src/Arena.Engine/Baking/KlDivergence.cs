using static TorchSharp.torch;

namespace Arena.Engine.Baking;

/// <summary>Forward KL(teacher ‖ student) per position, from log-probabilities, in float32.</summary>
public static class KlDivergence
{
    /// <summary>teacher, student (N, V) log-probabilities → (N): Σᵥ p_t (log p_t − log p_s).</summary>
    public static Tensor Full(Tensor teacherLogp, Tensor studentLogp)
    {
        using var scope = NewDisposeScope();
        return teacherLogp.exp().mul(teacherLogp.sub(studentLogp)).sum(-1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Top-k: teacher log-probabilities (N, k) renormalised over its top-k token ids (N, k); student (N, V) full
    /// log-softmax, read at those ids. Equals <see cref="Full"/> when k is the vocabulary size.
    /// </summary>
    public static Tensor TopK(Tensor teacherIds, Tensor teacherLogp, Tensor studentLogp)
    {
        using var scope = NewDisposeScope();
        var s = studentLogp.gather(-1, teacherIds);
        return teacherLogp.exp().mul(teacherLogp.sub(s)).sum(-1).MoveToOuterDisposeScope();
    }
}
