namespace Arena.Evaluation.Judging;

/// <summary>
/// Compares two answers to the same item and says which is better. Requests come in batches, because a model judge
/// writes its replies in batches; a judge returns one judgment per request, in order.
/// </summary>
public interface IJudge
{
    /// <summary>How reports name the judge, e.g. <c>rule</c> or the judge model's folder.</summary>
    string Name { get; }

    /// <summary>
    /// The model that judges, in the form contestants name theirs (<see cref="Contestant.Model"/>), or null for a
    /// judge that is no model. A model may not judge a battle it is in.
    /// </summary>
    string? Model { get; }

    Task<IReadOnlyList<Judgment>> JudgeAsync(IReadOnlyList<JudgeRequest> requests, CancellationToken ct);
}
