namespace Arena.Engine.Training;

/// <summary>Linear warmup to the peak, then cosine decay to MinLearningRateRatio × peak at the last step.</summary>
public static class LearningRateSchedule
{
    public static double At(int step, int totalSteps, TrainingOptions o)
    {
        if (step < o.WarmupSteps) return o.LearningRate * (step + 1) / o.WarmupSteps;
        var progress = Math.Clamp((double)(step - o.WarmupSteps) / Math.Max(1, totalSteps - o.WarmupSteps), 0, 1);
        var min = o.LearningRate * o.MinLearningRateRatio;
        return min + 0.5 * (o.LearningRate - min) * (1 + Math.Cos(Math.PI * progress));
    }
}
