namespace Arena.Starter.Training;

/// <summary>Reported after every optimiser step.</summary>
public sealed record TrainingProgress(int Step, int TotalSteps, double Loss, double LearningRate, double TokensPerSecond, long TokensSeen, TimeSpan Elapsed, TimeSpan Remaining);
