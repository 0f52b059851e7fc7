using Arena.Core;
using Arena.Core.Battles;
using Arena.Core.Models;
using Arena.Core.Ratings;

namespace Arena.Web.Tests.Fakes;

/// <summary>Battles between two fixed models, with the real rules that the page relies on (judge, one vote).</summary>
public sealed class FakeBattleService(ArenaModel a, ArenaModel b) : IBattleService
{
    public Dictionary<Guid, string> Judges { get; } = [];
    public Dictionary<Guid, (string A, string B)> Replies { get; } = [];
    public Dictionary<Guid, Winner> Votes { get; } = [];
    public string? StartError { get; set; }

    public Task<StartedBattle> Start(Viewer viewer, string judgeKey, string ipHash, string prompt, BattleStartOptions? options = null, CancellationToken ct = default)
    {
        if (StartError is not null) throw new DomainException(DomainError.Conflict, StartError);
        var id = Guid.NewGuid();
        Judges[id] = judgeKey;
        return Task.FromResult(new StartedBattle(id, a, b));
    }

    public Task RecordReplies(Guid battleId, string judgeKey, string replyA, string replyB, CancellationToken ct = default)
    {
        Replies[battleId] = (replyA, replyB);
        return Task.CompletedTask;
    }

    public Task AddTurn(Guid battleId, string judgeKey, string prompt, CancellationToken ct = default) => Task.CompletedTask;

    public Task<BattleReveal> Vote(Guid battleId, string judgeKey, Winner winner, CancellationToken ct = default)
    {
        if (Judges[battleId] != judgeKey) throw new DomainException(DomainError.Forbidden, "not yours");
        if (!Votes.TryAdd(battleId, winner)) throw new DomainException(DomainError.Conflict, "already voted");
        return Task.FromResult(RevealOf(battleId, winner));
    }

    public Task<BattleReveal?> Reveal(Guid battleId, string judgeKey, CancellationToken ct = default) =>
        Task.FromResult(Votes.TryGetValue(battleId, out var w) ? RevealOf(battleId, w) : null);

    private BattleReveal RevealOf(Guid id, Winner w) =>
        new(id, w, false, new RevealedModel(a.Id, a.Name, a.OwnerName), new RevealedModel(b.Id, b.Name, b.OwnerName));
}
