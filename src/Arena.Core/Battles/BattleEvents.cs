using Arena.Core.Ratings;

namespace Arena.Core.Battles;

// The events of one battle's stream (Marten event store, stream id = battle id). BattleView folds them inline.
// A battle goes: created (first prompt) → replies recorded → [turn added → replies recorded]* → voted.

/// <summary>Sides are already randomised: A and B are what the judge sees. <paramref name="JudgeKey"/> is "user:{id}"
/// or "anon:{…}" (see <see cref="JudgeKeys"/>); <paramref name="IpHash"/> is a salted hash, never the address.</summary>
public sealed record BattleCreated(Guid BattleId, string JudgeKey, Guid? JudgeUserId, string IpHash,
    Guid ModelAId, Guid ModelBId, string Prompt, DateTimeOffset At);

/// <summary>The judge's next prompt; both models see the same conversation (their own earlier replies included).</summary>
public sealed record TurnAdded(string Prompt, DateTimeOffset At);

/// <summary>Both answers to the latest prompt, as they were shown (possibly cut short by an error or the stop button).</summary>
public sealed record RepliesRecorded(string ReplyA, string ReplyB, DateTimeOffset At);

/// <summary>The verdict on the whole conversation. <paramref name="IdentityLeak"/>: a model's or its owner's name was
/// in the conversation, so the vote is kept for the record but left out of the ratings.</summary>
public sealed record Voted(Winner Winner, bool IdentityLeak, DateTimeOffset At);
