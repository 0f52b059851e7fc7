namespace Arena.Core.Battles;

/// <summary>
/// A battle file that cannot be read. The message names the source, where in it (a 1-based line for JSON lines, a
/// 0-based element index for a JSON array) and what is wrong, so a hand-edited export can be fixed at a glance.
/// </summary>
public sealed class BattleFormatException(string input, string location, string problem)
    : Exception($"{input} {location}: {problem}")
{
    public string Input { get; } = input;
    public string Location { get; } = location;
    public string Problem { get; } = problem;
}
