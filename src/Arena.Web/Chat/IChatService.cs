using Arena.Contracts.Chat;
using Arena.Core.Models;
using Arena.Web.Battles;

namespace Arena.Web.Chat;

/// <summary>Streams a model's next reply, piece by piece.</summary>
public interface IChatService
{
    /// <summary>Throws <see cref="ChatException"/> when the worker reports an error or stays silent too long, and
    /// <see cref="Arena.Core.DomainException"/> (Invalid) for an unacceptable request.</summary>
    /// <exception cref="Arena.Core.DomainException">At the call, for turns or parameters out of bounds; when reading
    /// starts, QuotaExceeded if <paramref name="requester"/> (counted per account or address, <see cref="ChatQuota"/>)
    /// already has as many replies streaming as allowed.</exception>
    IAsyncEnumerable<string> Stream(ArenaModel model, IReadOnlyList<ChatTurn> turns, SamplingParameters p, Judge requester,
        CancellationToken ct = default);
}
