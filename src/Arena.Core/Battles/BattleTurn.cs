namespace Arena.Core.Battles;

/// <summary>One exchange of a battle: the judge's prompt and each side's reply (null while still streaming).</summary>
public sealed record BattleTurn(string Prompt, string? ReplyA = null, string? ReplyB = null)
{
    public bool Answered => ReplyA is not null && ReplyB is not null;
}
