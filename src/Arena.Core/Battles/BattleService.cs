using Arena.Core.Models;
using Arena.Core.Ratings;
using Arena.Core.Storage;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;

namespace Arena.Core.Battles;

/// <remarks>One short session per call (see ModelCatalog). Writes to an existing battle go through
/// <see cref="StreamAppender"/>, so two concurrent votes on one battle cannot both land: the second loses the
/// stream-version check, reads the battle again and is answered as a double vote.</remarks>
public sealed class BattleService(IDocumentStore store, IOptions<BattleOptions> options, TimeProvider clock,
    LeaderboardSignal signal) : IBattleService
{
    BattleOptions Options => options.Value;

    public async Task<StartedBattle> Start(Viewer viewer, string judgeKey, string ipHash, string prompt,
        BattleStartOptions? start = null, CancellationToken ct = default)
    {
        CheckPrompt(prompt);
        if (string.IsNullOrWhiteSpace(judgeKey)) throw DomainException.Invalid("a battle needs a judge");
        await using var session = store.LightweightSession();
        var query = session.Query<ArenaModel>().Where(m => !m.Deleted && m.Visibility == Visibility.Public);
        if (!string.IsNullOrWhiteSpace(start?.BaseModel)) query = query.Where(m => m.BaseModel == start.BaseModel);
        var stored = await query.Take(10_000).ToListAsync(ct);
        // Only effectively public models battle: a public model on an unlisted or private ancestor is not listed.
        var chains = await ModelCatalog.LoadAncestors(session, stored, ct);
        var candidates = stored.Where(m => m.EffectiveVisibility(chains.Values) == Visibility.Public).ToList();
        var board = await session.LoadAsync<LeaderboardSnapshot>(LeaderboardSnapshot.CurrentId, ct);
        var battles = board?.Rows.ToDictionary(r => r.ModelId, r => r.Battles) ?? [];
        var (a, b) = ContestantPicker.Pick(candidates, battles, Options, Random.Shared);

        var id = Guid.NewGuid();
        session.Events.StartStream<BattleView>(id,
            new BattleCreated(id, judgeKey, viewer.UserId, ipHash, a.Id, b.Id, prompt.Trim(), clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return new StartedBattle(id, a, b);
    }

    public async Task RecordReplies(Guid battleId, string judgeKey, string replyA, string replyB, CancellationToken ct = default)
    {
        Known(battleId);
        await store.Append<BattleView>(battleId, (stream, _) =>
        {
            var battle = Own(stream, judgeKey);
            if (battle.IsVoted) throw new DomainException(DomainError.Conflict, "this battle is already decided");
            if (!battle.IsStreaming) throw new DomainException(DomainError.Conflict, "the replies to this prompt are already recorded");
            stream.AppendOne(new RepliesRecorded(replyA ?? "", replyB ?? "", clock.GetUtcNow()));
            return Task.CompletedTask;
        }, ct);
    }

    public async Task AddTurn(Guid battleId, string judgeKey, string prompt, CancellationToken ct = default)
    {
        CheckPrompt(prompt);
        Known(battleId);
        await store.Append<BattleView>(battleId, (stream, _) =>
        {
            var battle = Own(stream, judgeKey);
            if (battle.IsVoted) throw new DomainException(DomainError.Conflict, "this battle is decided; start a new one");
            if (battle.IsStreaming) throw new DomainException(DomainError.Conflict, "wait for both answers before asking again");
            if (battle.Turns.Count >= Options.MaxTurns) throw DomainException.Invalid($"a battle has at most {Options.MaxTurns} turns; vote now");
            stream.AppendOne(new TurnAdded(prompt.Trim(), clock.GetUtcNow()));
            return Task.CompletedTask;
        }, ct);
    }

    public async Task<BattleReveal> Vote(Guid battleId, string judgeKey, Winner winner, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(winner)) throw DomainException.Invalid("the vote must be A, B, tie or both bad");
        Known(battleId);
        var reveal = await store.Append<BattleView, BattleReveal>(battleId, async (stream, session) =>
        {
            var battle = Own(stream, judgeKey);
            if (battle.IsVoted) throw new DomainException(DomainError.Conflict, "you already voted on this battle");
            if (battle.IsStreaming) throw new DomainException(DomainError.Conflict, "wait for both answers to finish before voting");
            await CheckDailyCap(session, battle, ct);

            var (a, b) = await Contestants(session, battle, ct);
            var leak = IdentityLeaks.Found(battle.Turns, a, b);
            stream.AppendOne(new Voted(winner, leak, clock.GetUtcNow()));
            return RevealOf(battle.Id, winner, leak, a, b);
        }, ct);
        signal.VoteCast();
        return reveal;
    }

    public async Task<BattleReveal?> Reveal(Guid battleId, string judgeKey, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        var battle = await session.LoadAsync<BattleView>(battleId, ct) ?? throw DomainException.NotFound("the battle");
        if (battle.JudgeKey != judgeKey) throw new DomainException(DomainError.Forbidden, "this is someone else's battle");
        if (battle.Winner is not { } winner) return null;
        var (a, b) = await Contestants(session, battle, ct);
        return RevealOf(battle.Id, winner, battle.IdentityLeak, a, b);
    }

    /// <summary>No battle has the empty id (a hand-written URL); answered as not found before it reaches Marten.</summary>
    static void Known(Guid battleId)
    {
        if (battleId == Guid.Empty) throw DomainException.NotFound("the battle");
    }

    static BattleView Own(IEventStream<BattleView> stream, string judgeKey)
    {
        var battle = stream.Aggregate ?? throw DomainException.NotFound("the battle");
        if (battle.JudgeKey != judgeKey) throw new DomainException(DomainError.Forbidden, "this is someone else's battle");
        return battle;
    }

    /// <summary>Signed-in judges are counted by user; anonymous ones by address, since a new tab is a new
    /// anonymous key.</summary>
    async Task CheckDailyCap(IQuerySession session, BattleView battle, CancellationToken ct)
    {
        var anonymous = JudgeKeys.IsAnonymous(battle.JudgeKey);
        var cap = anonymous ? Options.AnonymousDailyVoteCap : Options.DailyVoteCap;
        var now = clock.GetUtcNow();
        var dayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var (key, ip) = (battle.JudgeKey, battle.IpHash);
        var votedToday = session.Query<BattleView>().Where(v => v.VotedAt >= dayStart);
        var today = anonymous
            ? await votedToday.CountAsync(v => v.IpHash == ip && v.JudgeKey.StartsWith("anon:"), ct)
            : await votedToday.CountAsync(v => v.JudgeKey == key, ct);
        if (today >= cap)
            throw new DomainException(DomainError.QuotaExceeded, $"you have cast {today} votes today, the daily limit; thank you — come back tomorrow");
    }

    static async Task<(ArenaModel A, ArenaModel B)> Contestants(IQuerySession session, BattleView battle, CancellationToken ct)
    {
        // Deleted models stay loadable: a battle against a model deleted since is still revealed.
        var models = (await session.LoadManyAsync<ArenaModel>(ct, battle.ModelAId, battle.ModelBId)).ToDictionary(m => m.Id);
        ArenaModel Get(Guid id) => models.TryGetValue(id, out var m) ? m
            : new ArenaModel { Id = id, Name = "(removed model)", OwnerName = "", BaseModel = "" };
        return (Get(battle.ModelAId), Get(battle.ModelBId));
    }

    static BattleReveal RevealOf(Guid id, Winner winner, bool leak, ArenaModel a, ArenaModel b) =>
        new(id, winner, leak, new RevealedModel(a.Id, a.Name, a.OwnerName), new RevealedModel(b.Id, b.Name, b.OwnerName));

    void CheckPrompt(string? prompt)
    {
        if (string.IsNullOrWhiteSpace(prompt)) throw DomainException.Invalid("write a prompt first");
        if (prompt.Length > Options.MaxPromptChars) throw DomainException.Invalid($"prompts are at most {Options.MaxPromptChars} characters");
    }
}
