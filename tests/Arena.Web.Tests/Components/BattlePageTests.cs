using Arena.Core.Ratings;
using Arena.Web.Components.Pages.Battle;
using Bunit;

namespace Arena.Web.Tests.Components;

/// <summary>The arena page keeps the contestants secret until the vote.</summary>
public sealed class BattlePageTests : ComponentTest
{
    private void AssertNoIdentity(string markup)
    {
        foreach (var secret in new[] { SecretA.Name, SecretA.OwnerName, SecretA.Id.ToString(), SecretA.Id.ToString("N"),
                     SecretB.Name, SecretB.OwnerName, SecretB.Id.ToString(), SecretB.Id.ToString("N") })
            Assert.DoesNotContain(secret, markup, StringComparison.OrdinalIgnoreCase);
    }

    private IRenderedComponent<ArenaBattle> StartBattle()
    {
        var cut = Context.Render<ArenaBattle>();
        cut.Find("[data-testid=battle-prompt]").Input("Tell me about the sea.");
        cut.Find("[data-testid=battle-send]").Click();
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=vote-a]").HasAttribute("disabled")));
        return cut;
    }

    [Fact]
    public void ThePromptFieldIsBoundedByTheLongestPromptABattleAccepts()
    {
        var cut = Context.Render<ArenaBattle>();
        Assert.Equal(new Arena.Core.Battles.BattleOptions().MaxPromptChars.ToString(), cut.Find("[data-testid=battle-prompt]").GetAttribute("maxlength"));
    }

    [Fact]
    public void TheVoteButtonsUseIconsNotEmoji()
    {
        var cut = StartBattle();

        foreach (var id in new[] { "vote-a", "vote-tie", "vote-bothbad", "vote-b" })
        {
            var button = cut.Find($"[data-testid={id}]");
            // Emoji need an emoji font, without which they render as empty boxes; MudBlazor icons are inline SVG.
            Assert.DoesNotContain(button.TextContent.EnumerateRunes(), r => r.Value >= 0x2190);
            Assert.NotNull(button.QuerySelector("svg"));
            Assert.False(string.IsNullOrWhiteSpace(button.TextContent), id);
        }
    }

    [Fact]
    public void BothAnswersStreamUnderAAndBWithoutTheModelsIdentity()
    {
        var cut = StartBattle();

        Assert.Contains("Model A", cut.Find("[data-testid=battle-pane-a]").TextContent);
        Assert.Contains("Ahoy, matey", cut.Find("[data-testid=battle-pane-a] .battle-reply").TextContent);
        Assert.Contains("Ahoy, matey", cut.Find("[data-testid=battle-pane-b] .battle-reply").TextContent);
        Assert.Equal(2, Chat.Conversations.Count);
        AssertNoIdentity(cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=battle-reveal]"));
        var battle = Assert.Single(Battles.Replies);
        Assert.Equal(("Ahoy, matey", "Ahoy, matey"), battle.Value);
    }

    [Fact]
    public void VotingRevealsBothModelsWithForkLinks()
    {
        var cut = StartBattle();

        cut.Find("[data-testid=vote-b]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=battle-reveal]")));
        Assert.Equal(Winner.ModelB, Assert.Single(Battles.Votes).Value);
        Assert.Equal(SecretA.Name, cut.Find("[data-testid=reveal-a]").TextContent.Trim());
        Assert.Equal($"/models/{SecretB.Id}", cut.Find("[data-testid=reveal-b]").GetAttribute("href"));
        Assert.Contains($"/bake?parent={SecretA.Id}", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=vote-a]"));
    }

    [Fact]
    public void TooFewModelsIsShownAsAMessage()
    {
        Battles.StartError = "the arena needs at least two public models to battle";
        var cut = Context.Render<ArenaBattle>();
        cut.Find("[data-testid=battle-prompt]").Input("Hi");
        cut.Find("[data-testid=battle-send]").Click();
        cut.WaitForAssertion(() => Assert.Contains("at least two public models", cut.Find("[data-testid=battle-error]").TextContent));
    }
}
