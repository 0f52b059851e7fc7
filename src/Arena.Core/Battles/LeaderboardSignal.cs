using System.Threading.Channels;

namespace Arena.Core.Battles;

/// <summary>"A vote was cast": raised by the battle service after each recorded vote, whoever cast it (the Arena page
/// or the API), and read by the leaderboard refresher. A one-slot channel that drops extra pokes, so a burst of votes
/// is one signal.</summary>
public sealed class LeaderboardSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void VoteCast() => _channel.Writer.TryWrite(true);

    public ChannelReader<bool> Reader => _channel.Reader;
}
