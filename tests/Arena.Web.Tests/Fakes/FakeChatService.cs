using System.Runtime.CompilerServices;
using Arena.Contracts.Chat;
using Arena.Core.Models;
using Arena.Web.Battles;
using Arena.Web.Chat;

namespace Arena.Web.Tests.Fakes;

public sealed class FakeChatService : IChatService
{
    public List<IReadOnlyList<ChatTurn>> Conversations { get; } = [];
    public string[] Reply { get; set; } = ["Ahoy", ", matey"];

    public async IAsyncEnumerable<string> Stream(ArenaModel model, IReadOnlyList<ChatTurn> turns, SamplingParameters p, Judge requester,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        Conversations.Add(turns);
        foreach (var piece in Reply)
        {
            await Task.Yield();
            yield return piece;
        }
    }
}
