using Arena.Engine.Tokenization;
using System.Diagnostics;
using Arena.Contracts.Chat;
using Arena.Engine.Checkpoints;
using Arena.Worker.Cancellation;
using Arena.Worker.Hosting;
using Arena.Worker.Models;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Arena.Worker.Chat;

/// <summary>
/// Streams a reply as ReplyChunks, the last with Done = true. Every failure the reader should see (a bad
/// conversation, a prompt over the context, a model that will not load, a cancel) ends the stream with a Done
/// chunk carrying a one-line Error, so the reader never waits on a reply that is not coming.
/// </summary>
public sealed class GenerateReplyConsumer(ModelCache models, ReplyCancellations cancellations, ILogger<GenerateReplyConsumer> log)
    : IConsumer<GenerateReply>
{
    public async Task Consume(ConsumeContext<GenerateReply> context)
    {
        var request = context.Message;
        var chunker = new ReplyChunker(ReplyChunker.DefaultInterval);
        using var registration = cancellations.Register(request.RequestId);
        if (registration is null)
        {
            await Done(context, chunker, 0, "cancelled");
            return;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(registration.Token, context.CancellationToken);
        var tokens = 0;
        try
        {
            var conversation = ChatRequestMapper.Conversation(request.Messages);
            var sampling = ChatRequestMapper.Sampling(request.Sampling);
            using var lease = await models.Acquire(request.Model, stop.Token);
            var clock = Stopwatch.StartNew();
            await foreach (var delta in lease.Model.Language.Generator().Chat([conversation], sampling, stop.Token))
            {
                tokens = delta.Tokens;
                chunker.Add(delta.Text);
                if (chunker.TakeIfDue(clock.Elapsed) is var (sequence, text))
                    await context.Publish(new ReplyChunk(request.RequestId, sequence, text, Done: false), CancellationToken.None);
            }
            await Done(context, chunker, tokens, null);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await Done(context, chunker, tokens, "cancelled");
        }
        catch (Exception e) when (e is InvalidRequestException or ArgumentException or CheckpointException or TokenizerException)
        {
            await Done(context, chunker, tokens, FailureReason.For(e));
        }
        catch (Exception e)
        {
            log.LogError(e, "Reply {RequestId} failed", request.RequestId);
            await Done(context, chunker, tokens, FailureReason.For(e));
        }
    }

    static Task Done(ConsumeContext<GenerateReply> context, ReplyChunker chunker, int tokens, string? error)
    {
        var (sequence, text) = chunker.Take();
        return context.Publish(new ReplyChunk(context.Message.RequestId, sequence, text, Done: true, error, tokens), CancellationToken.None);
    }
}
