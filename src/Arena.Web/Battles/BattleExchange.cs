namespace Arena.Web.Battles;

/// <summary>One prompt of a battle and the replies of side A (0) and side B (1), filled in as they stream.</summary>
public sealed class BattleExchange(string prompt)
{
    private readonly string[] _replies = ["", ""];

    public string Prompt { get; } = prompt;

    public string Reply(int side) => _replies[side];

    internal void Append(int side, string text) => _replies[side] += text;
}
