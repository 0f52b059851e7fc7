using Arena.Contracts.Chat;
using Arena.Core;
using Arena.Core.Battles;
using Arena.Core.Models;
using Arena.Core.Ratings;
using Arena.Web.Chat;

namespace Arena.Web.Battles;

/// <summary>
/// One blind battle as the Arena page plays it: the circuit's rate limits, starting the battle or adding a turn,
/// streaming both replies, recording them, the vote. The two contestants live only in this object's private fields
/// on the server; the page gets "A" and "B" and the texts, and the identities only through <see cref="Reveal"/>
/// after the vote. Refusals (rate limits, the domain's rules) are <see cref="DomainException"/>s for the page to show.
/// </summary>
/// <remarks>Transient: each Arena page gets its own, so leaving the page leaves its battle.</remarks>
public sealed class BattleWorkflow(IBattleService battles, IChatService chat, JudgeContext judges, JudgeRateLimiter limiter)
{
    private Guid? _battleId;
    private ArenaModel[] _models = [];
    private readonly List<BattleExchange> _exchanges = [];
    private string _judgeKey = "";
    private Judge? _judge;
    private CancellationTokenSource? _cts;

    public bool HasStarted => _battleId is not null;
    public bool IsStreaming { get; private set; }
    public IReadOnlyList<BattleExchange> Exchanges => _exchanges;
    public BattleReveal? Reveal { get; private set; }
    public bool CanVote => !IsStreaming && _exchanges.Count > 0;

    /// <summary>Starts the battle with <paramref name="prompt"/>, or asks both models the follow-up.</summary>
    public async Task Ask(string prompt)
    {
        var judge = await judges.Get();
        if (_battleId is not { } id)
        {
            if (!limiter.TryStart(judge))
                throw new DomainException(DomainError.QuotaExceeded, "You are starting battles very fast; wait a minute and try again.");
            var started = await battles.Start(judge.Viewer, judge.Key, judge.IpHash, prompt);
            (_battleId, _models) = (started.BattleId, [started.ModelA, started.ModelB]);
        }
        else await battles.AddTurn(id, judge.Key, prompt);
        _judgeKey = judge.Key;
        _judge = judge;
        _exchanges.Add(new BattleExchange(prompt));
    }

    /// <summary>Streams both replies to the latest prompt at once, calling <paramref name="render"/> as text
    /// arrives, then records them (also when stopped or failed: the judge votes on what was shown).</summary>
    public async Task Answer(Action render)
    {
        IsStreaming = true;
        _cts = new CancellationTokenSource();
        try
        {
            await Task.WhenAll(Stream(0, render, _cts.Token), Stream(1, render, _cts.Token));
        }
        finally
        {
            IsStreaming = false;
            _cts.Dispose();
            _cts = null;
        }
        var last = _exchanges[^1];
        await battles.RecordReplies(_battleId!.Value, _judgeKey, last.Reply(0), last.Reply(1));
    }

    public async Task Vote(Winner winner)
    {
        if (_battleId is not { } id || !CanVote) return;
        var judge = await judges.Get();
        if (!limiter.TryVote(judge))
            throw new DomainException(DomainError.QuotaExceeded, "You are voting very fast; wait a minute and try again.");
        Reveal = await battles.Vote(id, judge.Key, winner);
    }

    public void Stop() => _cts?.Cancel();

    /// <summary>Leaves this battle for a new one.</summary>
    public void Reset()
    {
        Stop();
        (_battleId, _models, Reveal) = (null, [], null);
        _exchanges.Clear();
    }

    /// <summary>One side's reply: it sees the same prompts as the other side and its own earlier replies.</summary>
    private async Task Stream(int side, Action render, CancellationToken ct)
    {
        var turns = new List<ChatTurn>();
        foreach (var e in _exchanges)
        {
            turns.Add(new ChatTurn("user", e.Prompt));
            if (e != _exchanges[^1]) turns.Add(new ChatTurn("assistant", e.Reply(side)));
        }
        var exchange = _exchanges[^1];
        try
        {
            await chat.Stream(_models[side], turns, new SamplingParameters(), _judge!, ct).AppendAll(piece => exchange.Append(side, piece), render);
        }
        catch (OperationCanceledException) { exchange.Append(side, " [stopped]"); }
        // The worker's error text may name the model or its adapter path: say only that it failed.
        catch (ChatException) { exchange.Append(side, " [this model could not answer]"); }
        catch (DomainException e) { exchange.Append(side, $" [{e.Message}]"); }
        render();
    }
}
