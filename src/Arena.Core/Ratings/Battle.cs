namespace Arena.Core.Ratings;

/// <summary>
/// One vote: two distinct models answered the same prompt and a user picked a winner. <see cref="Timestamp"/> is Unix
/// time in seconds (Chatbot Arena's "tstamp", fractional allowed); only its order matters, for online Elo.
/// </summary>
public sealed record Battle
{
    /// <param name="anonymous">Whether the judge voted before seeing the names (FastChat's <c>anony</c>): Arena's
    /// battles always are; an imported file may hold named ones, which ratings leave out by default.</param>
    public Battle(string modelA, string modelB, Winner winner, double timestamp, bool anonymous = true)
    {
        // Checked here so that no rating function has to: a self-battle or a nameless model would silently skew them.
        if (string.IsNullOrWhiteSpace(modelA)) throw new ArgumentException("model A has no name", nameof(modelA));
        if (string.IsNullOrWhiteSpace(modelB)) throw new ArgumentException("model B has no name", nameof(modelB));
        if (modelA == modelB) throw new ArgumentException($"a model cannot battle itself ('{modelA}')", nameof(modelB));
        if (!Enum.IsDefined(winner)) throw new ArgumentOutOfRangeException(nameof(winner), winner, "not a battle outcome");
        if (!double.IsFinite(timestamp)) throw new ArgumentOutOfRangeException(nameof(timestamp), timestamp, "timestamp must be finite");
        (ModelA, ModelB, Winner, Timestamp, Anonymous) = (modelA, modelB, winner, timestamp, anonymous);
    }

    public string ModelA { get; }
    public string ModelB { get; }
    public Winner Winner { get; }
    public double Timestamp { get; }
    public bool Anonymous { get; }

    /// <summary>The same battle with the sides swapped; every rating is unchanged by it.</summary>
    public Battle Swapped() => new(ModelB, ModelA, Outcome.Swapped(Winner), Timestamp, Anonymous);
}
