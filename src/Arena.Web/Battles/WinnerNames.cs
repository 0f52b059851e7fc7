using Arena.Core.Ratings;

namespace Arena.Web.Battles;

/// <summary>How a vote is spelled on the wire: the clean-battle names (model_a, model_b, tie, tie (bothbad)) or the
/// short ones the page uses (a, b, tie, bothbad).</summary>
public static class WinnerNames
{
    public static Winner? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "a" or "model_a" => Winner.ModelA,
        "b" or "model_b" => Winner.ModelB,
        "tie" => Winner.Tie,
        "bothbad" or "both_bad" or "tie (bothbad)" => Winner.TieBothBad,
        _ => null,
    };
}
