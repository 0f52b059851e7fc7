using Arena.Core.Models;

namespace Arena.Core.Battles;

/// <summary>
/// A vote is only blind if nothing in the conversation names a contestant: if either model's name or its owner's
/// name appears (case-insensitive) in a prompt or a reply, the vote is flagged and left out of the ratings, as
/// Chatbot Arena does. Built-in owners ("arena"), the house account ("house") and names under three characters are not
/// matched: they would flag ordinary words.
/// </summary>
public static class IdentityLeaks
{
    const int MinLength = 3;

    public static bool Found(IEnumerable<BattleTurn> turns, params ArenaModel[] models)
    {
        var needles = models.SelectMany(m => m.OwnerId is null || m.House ? [m.Name] : new[] { m.Name, m.OwnerName })
            .Select(n => n.Trim()).Where(n => n.Length >= MinLength).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var t in turns)
            foreach (var text in new[] { t.Prompt, t.ReplyA, t.ReplyB })
                if (text is not null && needles.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)))
                    return true;
        return false;
    }
}
