namespace Arena.Core.Battles;

/// <summary>The two shapes a clean-battle file comes in. The reader tells them apart by the first character.</summary>
public enum BattleFileLayout
{
    /// <summary>One JSON object per line: appendable and streamable, the default for exports.</summary>
    JsonLines,
    /// <summary>A single JSON array of objects, as FastChat's clean_battle_*.json files are.</summary>
    Array,
}
