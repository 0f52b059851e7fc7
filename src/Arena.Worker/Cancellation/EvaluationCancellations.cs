namespace Arena.Worker.Cancellation;

/// <summary>Evaluations running on this instance, stoppable by <see cref="Arena.Contracts.Evaluations.CancelEvaluation"/>.</summary>
public sealed class EvaluationCancellations : CancellationRegistry;
