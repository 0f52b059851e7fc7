using System.Runtime.CompilerServices;
using Arena.Contracts.Chat;
using Arena.Core;
using Arena.Core.Models;
using Arena.Web.Accounts;
using Arena.Web.Chat;
using Microsoft.AspNetCore.SignalR;

namespace Arena.Web.Hubs;

/// <summary>Streamed chat for API clients (/hubs/chat): the same visibility rules as the pages.</summary>
public sealed class ChatHub(IModelCatalog catalog, IChatService chat) : Hub
{
    public async IAsyncEnumerable<string> Stream(Guid modelId, IReadOnlyList<ChatTurn> turns, SamplingParameters p,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var model = await catalog.Find(modelId, ViewerClaims.From(Context.User), ct)
                    ?? throw new HubException("Model not found.");
        await using var reply = Guard(chat.Stream(model, turns, p ?? new SamplingParameters(), ct)).GetAsyncEnumerator(ct);
        while (await reply.MoveNextAsync()) yield return reply.Current;
    }

    /// <summary>Turns expected failures into HubExceptions, whose message reaches the client (others are hidden).</summary>
    private static async IAsyncEnumerable<string> Guard(IAsyncEnumerable<string> source)
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
            yield return piece;
        }
    }
}
