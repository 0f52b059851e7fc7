using System.Collections.Concurrent;
using System.Threading.Channels;
using Arena.Contracts.Chat;

namespace Arena.Web.Chat;

/// <summary>The replies this replica is waiting for (a singleton): request id → the channel its chunks go into.</summary>
public sealed class ReplyStreams
{
    private readonly ConcurrentDictionary<Guid, Channel<ReplyChunk>> _open = new();

    /// <summary>Registers <paramref name="requestId"/>; dispose the result to stop listening.</summary>
    public Registration Open(Guid requestId)
    {
        var channel = Channel.CreateUnbounded<ReplyChunk>(new UnboundedChannelOptions { SingleReader = true });
        if (!_open.TryAdd(requestId, channel)) throw new InvalidOperationException($"request {requestId} is already open");
        return new Registration(this, requestId, channel.Reader);
    }

    /// <returns>false when nobody here waits for the chunk's request (another replica's, or given up).</returns>
    public bool Deliver(ReplyChunk chunk) =>
        _open.TryGetValue(chunk.RequestId, out var channel) && channel.Writer.TryWrite(chunk);

    public int OpenCount => _open.Count;

    public sealed class Registration(ReplyStreams owner, Guid requestId, ChannelReader<ReplyChunk> reader) : IDisposable
    {
        public Guid RequestId { get; } = requestId;
        public ChannelReader<ReplyChunk> Reader { get; } = reader;

        public void Dispose()
        {
            if (owner._open.TryRemove(RequestId, out var channel)) channel.Writer.TryComplete();
        }
    }
}
