namespace Arena.Core.Battles;

/// <summary>Optional restriction of a battle: both models must be built on <see cref="BaseModel"/> (e.g. "starter").</summary>
public sealed record BattleStartOptions(string? BaseModel = null)
{
    public static BattleStartOptions None { get; } = new();
}
