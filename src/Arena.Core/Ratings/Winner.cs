namespace Arena.Core.Ratings;

/// <summary>How a battle ended, as a voter saw it. Chatbot Arena's "tie (bothbad)" is kept apart from a plain tie
/// because the UI shows it, but both score the same for the ratings (see <see cref="Outcome"/>).</summary>
public enum Winner
{
    ModelA,
    ModelB,
    Tie,
    TieBothBad,
}
