using Arena.Web.Components.Shared;
using Arena.Core;
using Arena.Core.Ratings;
using Arena.Web.Battles;
using Microsoft.AspNetCore.Components;

namespace Arena.Web.Components.Pages.Battle;

/// <summary>
/// A blind battle. The workflow (<see cref="BattleWorkflow"/>) keeps the two contestants on the server; this page
/// shows "A" and "B", their texts, and the identities only once the vote has revealed them.
/// </summary>
public sealed partial class ArenaBattle : IDisposable
{
    [Inject] private BattleWorkflow Battle { get; set; } = default!;
    [Inject] private Microsoft.Extensions.Options.IOptions<Arena.Core.Battles.BattleOptions> PromptLimits { get; set; } = default!;

    private string? _prompt;
    private string? _error;

    private IReadOnlyList<(string, string)> Exchanges(int side) => Battle.Exchanges.Select(e => (e.Prompt, e.Reply(side))).ToList();

    private async Task Send()
    {
        if (string.IsNullOrWhiteSpace(_prompt) || Battle.IsStreaming) return;
        _error = null;
        try
        {
            await Battle.Ask(_prompt.Trim());
            _prompt = "";
            await Battle.Answer(StateHasChanged);
        }
        catch (DomainException e) { _error = Sentence.Of(e.Message); }
    }

    private async Task Vote(Winner winner)
    {
        _error = null;
        try { await Battle.Vote(winner); }
        catch (DomainException e) { _error = Sentence.Of(e.Message); }
    }

    private void NewBattle()
    {
        Battle.Reset();
        (_error, _prompt) = (null, "");
    }

    public void Dispose() => Battle.Stop();
}
