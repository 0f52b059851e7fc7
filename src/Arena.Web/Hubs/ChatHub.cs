using Arena.Contracts.Chat;
using Arena.Core;
using Arena.Core.Models;
using Arena.Web.Accounts;
using Arena.Web.Battles;
using Arena.Web.Chat;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Arena.Web.Hubs;

/// <summary>Streamed chat for API clients (/hubs/chat): the same visibility rules as the pages.</summary>
public sealed class ChatHub(IModelCatalog catalog, IChatService chat, IOptions<BattleWebOptions> battleOptions,
    ILogger<ChatHub> log) : Hub
{
    /// <summary>The arguments (a client may send nulls) and the model are checked before the stream starts, so bad
    /// input is answered with a HubException whose message the client sees (a warning in the log: ArenaHubFilter).</summary>
    public async Task<IAsyncEnumerable<string>> Stream(Guid modelId, IReadOnlyList<ChatTurn>? turns, SamplingParameters? p,
        CancellationToken ct)
    {
        if (turns is null) throw new HubException("Say something first: turns is required.");
        var model = await catalog.Find(modelId, ViewerClaims.From(Context.User), ct)
                    ?? throw new HubException("Model not found.");
        // Counted per account or address like the pages' streams (ChatQuota); a refusal reaches the client as a
        // HubException through Guard when the stream starts.
        var requester = JudgeContext.Of(Context.GetHttpContext() ?? throw new HubException("No connection."), battleOptions.Value);
        return Guard(chat.Stream(model, turns, p ?? new SamplingParameters(), requester, ct));   // a DomainException: ArenaHubFilter
    }

    /// <summary>Turns expected failures of a started stream into HubExceptions, whose message reaches the client (others
    /// are hidden), and logs unexpected ones (the dispatcher's own log is quiet, see <see cref="ArenaHubFilter"/>).</summary>
    private async IAsyncEnumerable<string> Guard(IAsyncEnumerable<string> source)
    {
        await using var e = source.GetAsyncEnumerator();
        while (true)
        {
            string piece;
            try
            {
                if (!await e.MoveNextAsync()) yield break;
                piece = e.Current;
            }
            catch (ChatException x) { throw new HubException(x.Message); }
            catch (DomainException x) { throw new HubException(x.Message); }
            catch (Exception x) when (x is not OperationCanceledException and not HubException)
            {
                log.LogError(x, "a chat stream failed");
                throw;
            }
            yield return piece;
        }
    }
}
