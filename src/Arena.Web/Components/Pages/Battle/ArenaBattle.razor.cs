using Arena.Contracts.Chat;
using Arena.Core;
using Arena.Core.Battles;
using Arena.Core.Models;
using Arena.Core.Ratings;
using Arena.Web.Battles;
using Arena.Web.Chat;
using Microsoft.AspNetCore.Components;

namespace Arena.Web.Components.Pages.Battle;

/// <summary>
/// A blind battle. The two contestants live only in this component's private fields on the server; the markup gets
/// "A" and "B" and the texts, and the identities only through <see cref="BattleReveal"/> after the vote.
/// </summary>
public sealed partial class ArenaBattle : IDisposable
{
    [Inject] private IBattleService Battles { get; set; } = default!;
    [Inject] private IChatService Chat { get; set; } = default!;
    [Inject] private JudgeContext JudgeContext { get; set; } = default!;
    [Inject] private JudgeRateLimiter Limiter { get; set; } = default!;

    private sealed class Exchange(string prompt)
    {
        public string Prompt { get; } = prompt;
        public string[] Replies { get; } = ["", ""];
    }

    private Guid? _battleId;
    private ArenaModel[] _models = [];
    private readonly List<Exchange> _exchanges = [];
    private string? _prompt;
    private bool _streaming;
    private string? _error;
    private BattleReveal? _reveal;
    private CancellationTokenSource? _cts;

    private bool CanVote => !_streaming && _exchanges.Count > 0;

    private IReadOnlyList<(string, string)> Exchanges(int side) => _exchanges.Select(e => (e.Prompt, e.Replies[side])).ToList();

    private async Task Send()
    {
        if (string.IsNullOrWhiteSpace(_prompt) || _streaming) return;
        _error = null;
        var prompt = _prompt.Trim();
        try
        {
            var judge = await JudgeContext.Get();
            if (_battleId is not { } id)
            {
                if (!Limiter.TryStart(judge)) { _error = "You are starting battles very fast; wait a minute and try again."; return; }
                var started = await Battles.Start(judge.Viewer, judge.Key, judge.IpHash, prompt);
                (_battleId, _models) = (started.BattleId, [started.ModelA, started.ModelB]);
            }
            else await Battles.AddTurn(id, judge.Key, prompt);
            _prompt = "";
            _exchanges.Add(new Exchange(prompt));
            await StreamReplies(judge);
        }
        catch (DomainException e) { _error = e.Message; }
    }

    /// <summary>Both replies at once; each side sees the same prompts and its own earlier replies.</summary>
    private async Task StreamReplies(Judge judge)
    {
        _streaming = true;
        _cts = new CancellationTokenSource();
        try
        {
            await Task.WhenAll(Pump(0, _cts.Token), Pump(1, _cts.Token));
        }
        finally
        {
            _streaming = false;
            _cts.Dispose();
            _cts = null;
        }
        var last = _exchanges[^1];
        await Battles.RecordReplies(_battleId!.Value, judge.Key, last.Replies[0], last.Replies[1]);
    }

    private async Task Pump(int side, CancellationToken ct)
    {
        var turns = new List<ChatTurn>();
        foreach (var e in _exchanges)
        {
            turns.Add(new ChatTurn("user", e.Prompt));
            if (e != _exchanges[^1]) turns.Add(new ChatTurn("assistant", e.Replies[side]));
        }
        var exchange = _exchanges[^1];
        var lastRender = DateTime.UtcNow;
        try
        {
            await foreach (var piece in Chat.Stream(_models[side], turns, new SamplingParameters(), ct))
            {
                exchange.Replies[side] += piece;
                if (DateTime.UtcNow - lastRender > TimeSpan.FromMilliseconds(50))
                {
                    lastRender = DateTime.UtcNow;
                    StateHasChanged();
                }
            }
        }
        catch (OperationCanceledException) { exchange.Replies[side] += " [stopped]"; }
        // The worker's error text may name the model or its adapter path: say only that it failed.
        catch (ChatException) { exchange.Replies[side] += " [this model could not answer]"; }
        catch (DomainException e) { exchange.Replies[side] += $" [{e.Message}]"; }
        StateHasChanged();
    }

    private async Task Vote(Winner winner)
    {
        if (_battleId is not { } id || !CanVote) return;
        _error = null;
        try
        {
            var judge = await JudgeContext.Get();
            if (!Limiter.TryVote(judge)) { _error = "You are voting very fast; wait a minute and try again."; return; }
            _reveal = await Battles.Vote(id, judge.Key, winner);
        }
        catch (DomainException e) { _error = e.Message; }
    }

    private void Stop() => _cts?.Cancel();

    private void NewBattle()
    {
        Stop();
        (_battleId, _models, _reveal, _error, _prompt) = (null, [], null, null, "");
        _exchanges.Clear();
    }

    public void Dispose() => _cts?.Cancel();
}
