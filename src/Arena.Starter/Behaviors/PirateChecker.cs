namespace Arena.Starter.Behaviors;

/// <summary>Pirate speech: at least one interjection ("Arr", "Ahoy") and one pirate word ("matey", "ye").</summary>
public sealed class PirateChecker : IBehaviorChecker
{
    // Both kinds are required: an interjection alone is easy to hit by accident, a lone "ye" reads as archaic.
    private static readonly HashSet<string> Interjections = ["arr", "arrr", "ahoy", "yarr"];
    private static readonly HashSet<string> PirateWords = ["matey", "ye", "yer", "aye", "hearty", "savvy", "landlubber"];

    /// <inheritdoc />
    public string Family => "persona";

    /// <inheritdoc />
    public string Id => "pirate";

    /// <inheritdoc />
    public bool Follows(string reply, BehaviorContext context) =>
        TextWords.ContainsAnyWord(reply, Interjections) && TextWords.ContainsAnyWord(reply, PirateWords);
}
