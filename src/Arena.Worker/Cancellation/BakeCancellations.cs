namespace Arena.Worker.Cancellation;

/// <summary>Bakes running on this instance, stoppable by <see cref="Arena.Contracts.Bakes.CancelBake"/>.</summary>
public sealed class BakeCancellations : CancellationRegistry;
