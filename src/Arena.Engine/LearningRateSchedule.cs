namespace Arena.Engine;

/// <summary>
/// Linear warmup to the peak, then cosine decay to <c>minRatio</c> × peak at the last step: the schedule of a bake and of
/// the starter model's training.
/// </summary>
public static class LearningRateSchedule
{
    public static double At(int step, int totalSteps, double peak, int warmupSteps, double minRatio)
    {
        if (step < warmupSteps) return peak * (step + 1) / warmupSteps;
        var progress = Math.Clamp((double)(step - warmupSteps) / Math.Max(1, totalSteps - warmupSteps), 0, 1);
        var min = peak * minRatio;
        return min + 0.5 * (peak - min) * (1 + Math.Cos(Math.PI * progress));
    }
}
