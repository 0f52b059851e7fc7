using Arena.Core;

namespace Arena.Web.Battles;

/// <summary>Who judges a battle: the viewer, the judge key the domain checks the battle against, and the hashed
/// client address (what the rate limits count anonymous judges by).</summary>
public sealed record Judge(Viewer Viewer, string Key, string IpHash);
