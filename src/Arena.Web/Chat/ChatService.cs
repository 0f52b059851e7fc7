using System.Runtime.CompilerServices;
using Arena.Contracts.Chat;
using Arena.Core;
using Arena.Core.Models;
using Arena.Web.Battles;
using Arena.Web.Bus;
using Arena.Web.Hosting;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Arena.Web.Chat;

/// <summary>
/// Asks a worker for a reply (GenerateReply) and yields its chunks in sequence order as they arrive through
/// <see cref="ReplyStreams"/>. If the reader stops early (stop button, closed tab) the worker is told (CancelReply).
/// </summary>
public sealed class ChatService(IBus bus, ReplyStreams streams, ChatQuota quota, ModelContexts contexts,
    IOptions<ArenaOptions> options, ILogger<ChatService> logger) : IChatService
{
    private ChatOptions Options => options.Value.Chat;

    /// <summary>Checks the turns and parameters at the call (a <see cref="DomainException"/> before any streaming), then
    /// streams the reply under a <see cref="ChatQuota"/> lease of <paramref name="requester"/>.</summary>
    public IAsyncEnumerable<string> Stream(ArenaModel model, IReadOnlyList<ChatTurn> turns, SamplingParameters p,
        Judge requester, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(requester);
        Check(turns, p, contexts.Of(model));
        return Streamed(model, turns, p, requester, ct);
    }

    private async IAsyncEnumerable<string> Streamed(ArenaModel model, IReadOnlyList<ChatTurn> turns, SamplingParameters p,
        Judge requester, [EnumeratorCancellation] CancellationToken ct)
    {
        // Taken when reading starts (not at the call, so a stream never read holds nothing) and returned when the
        // enumerator is disposed: the reply ended, failed, was stopped, or its reader (circuit, hub connection) left.
        using var lease = quota.Acquire(requester, p.MaxTokens);
        using var registration = streams.Open(Guid.NewGuid());
        var requestId = registration.RequestId;
        await bus.Publish(new GenerateReply(requestId, MassTransitBakeDispatcher.SpecOf(model), turns.ToList(), p), ct);

        var finished = false;
        try
        {
            var pending = new Dictionary<int, ReplyChunk>();
            var next = 0;
            while (!finished)
            {
                var chunk = await ReadNext(registration, ct);
                if (chunk.Sequence < next) continue;   // a redelivered chunk
                pending[chunk.Sequence] = chunk;
                while (!finished && pending.Remove(next, out var inOrder))
                {
                    next++;
                    if (inOrder.Done) lease.Used(inOrder.Tokens);   // the worker's count, also on a failed reply
                    if (inOrder.Error is { } error)
                    {
                        finished = true;
                        throw new ChatException($"The model could not reply: {error}");
                    }
                    if (inOrder.Text.Length > 0) yield return inOrder.Text;
                    finished = inOrder.Done;
                }
            }
        }
        finally
        {
            if (!finished)
            {
                try { await bus.Publish(new CancelReply(requestId), CancellationToken.None); }
                catch (Exception e) { logger.LogWarning(e, "Could not cancel reply {RequestId}", requestId); }
            }
        }
    }

    private async Task<ReplyChunk> ReadNext(ReplyStreams.Registration registration, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Options.ChunkTimeout);
        try
        {
            return await registration.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new ChatException($"The model did not answer within {Options.ChunkTimeout.TotalSeconds:0} seconds. Please try again.");
        }
    }

    private void Check(IReadOnlyList<ChatTurn> turns, SamplingParameters p, int? contextLength)
    {
        if (turns is null || turns.Count == 0) throw DomainException.Invalid("Say something first.");
        if (turns.Any(t => t is null)) throw DomainException.Invalid("A turn is missing.");
        if (turns.Count > Options.MaxTurns) throw DomainException.Invalid($"The conversation is too long (more than {Options.MaxTurns} turns).");
        if (turns.Any(t => t.Role is not ("system" or "user" or "assistant")))
            throw DomainException.Invalid("Each turn's role must be system, user or assistant.");
        if (turns.Any(t => (t.Content ?? "").Length > Options.MaxTurnChars))
            throw DomainException.Invalid($"A message is longer than {Options.MaxTurnChars} characters.");
        if (SamplingBounds.Problem(p, contextLength) is { } problem) throw DomainException.Invalid(problem);
    }
}
