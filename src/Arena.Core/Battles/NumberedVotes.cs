using Arena.Core.Ratings;

namespace Arena.Core.Battles;

/// <summary>
/// Votes with their models numbered for the rating code, which works on numbers: each model's id stays a Guid in
/// <see cref="Models"/>, and what comes back (ratings, rows, matrices) is read by number.
/// </summary>
/// <remarks>Models are numbered in Guid order, which is the ordinal order of their hex text: the numbering, and with
/// it every bootstrap draw, is the one the ratings had when the ids were handed to them as text.</remarks>
public sealed class NumberedVotes
{
    NumberedVotes(IReadOnlyList<CastVote> votes, Guid[] models, int[] a, int[] b) => (Votes, Models, A, B) = (votes, models, a, b);

    /// <summary>The votes, each with a winner.</summary>
    public IReadOnlyList<CastVote> Votes { get; }
    /// <summary>Model number → id.</summary>
    public IReadOnlyList<Guid> Models { get; }
    /// <summary>Per vote, the numbers of its model A and model B.</summary>
    public int[] A { get; }
    public int[] B { get; }

    public static NumberedVotes From(IReadOnlyList<CastVote> votes)
    {
        var models = votes.SelectMany(v => new[] { v.ModelAId, v.ModelBId }).Distinct().Order().ToArray();
        var number = new Dictionary<Guid, int>(models.Length);
        for (int i = 0; i < models.Length; i++) number[models[i]] = i;
        var (a, b) = (new int[votes.Count], new int[votes.Count]);
        for (int k = 0; k < votes.Count; k++) (a[k], b[k]) = (number[votes[k].ModelAId], number[votes[k].ModelBId]);
        return new NumberedVotes(votes, models, a, b);
    }

    /// <summary>The votes as the rating code's battles; <paramref name="name"/> labels each model in its output.</summary>
    public IndexedBattles Battles(Func<Guid, string> name) =>
        IndexedBattles.Numbered([.. Models.Select(name)], [.. Votes.Select((v, k) => (A[k], B[k], v.Winner!.Value, v.Timestamp))]);
}
