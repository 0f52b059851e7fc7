namespace Arena.Evaluation.Running;

/// <summary>
/// Writes replies for an evaluation: the engine in the CLI and the worker. A source batches the requests as it
/// sees fit and returns one reply per request, in order; <paramref name="adapted"/> false asks the base model
/// alone (the model's adapters switched off).
/// </summary>
public interface IReplySource
{
    Task<IReadOnlyList<Reply>> WriteAsync(bool adapted, IReadOnlyList<ReplyRequest> requests, CancellationToken ct);
}
