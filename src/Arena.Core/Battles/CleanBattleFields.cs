using Arena.Core.Ratings;

namespace Arena.Core.Battles;

/// <summary>The field names and winner spellings of Chatbot Arena's clean-battle export, shared by reader and writer.</summary>
static class CleanBattleFields
{
    public const string ModelA = "model_a";
    public const string ModelB = "model_b";
    public const string Winner = "winner";
    public const string Timestamp = "tstamp";
    /// <summary>Whether the vote was blind; absent in older Arena exports, which were all blind.</summary>
    public const string Anonymous = "anony";

    public const string Expected = "model_a, model_b, tie or tie (bothbad)";

    public static string WinnerText(Winner winner) => winner switch
    {
        Ratings.Winner.ModelA => "model_a",
        Ratings.Winner.ModelB => "model_b",
        Ratings.Winner.Tie => "tie",
        Ratings.Winner.TieBothBad => "tie (bothbad)",
        _ => throw new ArgumentOutOfRangeException(nameof(winner), winner, "not a battle outcome"),
    };

    public static Winner? ParseWinner(string text) => text switch
    {
        "model_a" => Ratings.Winner.ModelA,
        "model_b" => Ratings.Winner.ModelB,
        "tie" => Ratings.Winner.Tie,
        "tie (bothbad)" => Ratings.Winner.TieBothBad,
        _ => null,
    };
}
