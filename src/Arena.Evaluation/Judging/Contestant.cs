namespace Arena.Evaluation.Judging;

/// <summary>
/// A model in a judged tournament: the name reports give it, the model it is (its base and adapters, written the same
/// way for every contestant and the judge, so a judge that is also a contestant is recognised), and its answer to
/// each item by id. An item it could not answer has an empty answer, which loses to any answer that passes.
/// </summary>
public sealed record Contestant(string Name, string Model, IReadOnlyDictionary<string, string> Answers);
