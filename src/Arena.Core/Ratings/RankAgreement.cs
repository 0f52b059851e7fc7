namespace Arena.Core.Ratings;

/// <summary>
/// How far two leaderboards order the same models alike. <see cref="Models"/> are those on both; of the
/// <see cref="Pairs"/> among them, <see cref="SameOrder"/> are ordered the same way by both (a pair tied on both
/// counts as the same). <see cref="Share"/> is their fraction and <see cref="KendallTau"/> Kendall's τ-b; both are
/// null when fewer than two models are on both boards, and τ also when either board ties every pair.
/// </summary>
public sealed record RankAgreement(IReadOnlyList<string> Models, int Pairs, int SameOrder, double? Share, double? KendallTau);
