using Arena.Core.Models;

namespace Arena.Core.Battles;

/// <summary>A new battle, for the server side that streams the two replies. Never send the models to the browser:
/// until the vote it knows them only as "A" and "B".</summary>
public sealed record StartedBattle(Guid BattleId, ArenaModel ModelA, ArenaModel ModelB);
