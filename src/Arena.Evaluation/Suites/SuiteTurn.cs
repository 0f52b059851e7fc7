namespace Arena.Evaluation.Suites;

/// <summary>One message of a suite item's conversation: <c>user</c> or <c>assistant</c>.</summary>
public sealed record SuiteTurn(string Role, string Content);
