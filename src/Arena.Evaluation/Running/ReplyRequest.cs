using Arena.Evaluation.Suites;

namespace Arena.Evaluation.Running;

/// <summary>One reply to write: the conversation so far (ending with a user turn) under a system prompt or none.</summary>
public sealed record ReplyRequest(string? System, IReadOnlyList<SuiteTurn> Turns);
