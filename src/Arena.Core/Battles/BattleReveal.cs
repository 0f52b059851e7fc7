using Arena.Core.Ratings;

namespace Arena.Core.Battles;

/// <summary>What the judge learns after voting: who A and B were.</summary>
public sealed record BattleReveal(Guid BattleId, Winner Winner, bool IdentityLeak, RevealedModel ModelA, RevealedModel ModelB);

public sealed record RevealedModel(Guid Id, string Name, string OwnerName);
