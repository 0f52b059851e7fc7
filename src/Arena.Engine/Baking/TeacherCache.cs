using Arena.Contracts.Bakes;
using Arena.Engine.Lora;
using Arena.Engine.Modules;
using static TorchSharp.torch;

namespace Arena.Engine.Baking;

/// <summary>
/// The teacher side of the KL: the model prompted with u, with the adapter being trained switched off. Targets of a
/// fixed batch are computed once and reused every epoch while they fit in the memory budget; past it they are
/// recomputed per step (full-vocabulary targets of a large vocabulary are big: prefer top-k there).
/// </summary>
internal sealed class TeacherCache(CausalLM model, KlMode kl, long budgetBytes, string trainingAdapter) : IDisposable
{
    readonly Dictionary<string, TeacherTargets> cache = [];
    long bytes;
    bool studentEnabled = true;

    /// <summary>The targets of <paramref name="batch"/>; a null key (replies used once, such as student rollouts) is never cached.</summary>
    public TeacherTargets Get(string? key, IReadOnlyList<Trajectory> batch)
    {
        TorchThreads.Apply();
        if (key is not null && cache.TryGetValue(key, out var hit)) return hit;
        model.SetEnabled(trainingAdapter, false);
        TeacherTargets targets;
        try
        {
            using var teachers = new SequenceBatch(batch.Select(t => (t.TeacherPrompt, t.Reply)).ToList(), model.Device);
            targets = TeacherTargets.Compute(model, teachers, kl);
        }
        finally
        {
            model.SetEnabled(trainingAdapter, studentEnabled);
        }
        if (key is not null && bytes + targets.Bytes <= budgetBytes)
        {
            // Cached targets outlive the caller's dispose scope.
            targets.LogProbs.DetachFromDisposeScope();
            targets.TopKIds?.DetachFromDisposeScope();
            cache[key] = targets;
            bytes += targets.Bytes;
        }
        return targets;
    }

    /// <summary>Switches the trained adapter on or off for student passes (off = the parent, for the "before" KL).</summary>
    public void SetStudentAdapter(bool enabled)
    {
        studentEnabled = enabled;
        model.SetEnabled(trainingAdapter, enabled);
    }

    public void Dispose()
    {
        foreach (var t in cache.Values) t.Dispose();
        cache.Clear();
    }
}
