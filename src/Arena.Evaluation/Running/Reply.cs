namespace Arena.Evaluation.Running;

/// <summary>A written reply, or why none could be written for this request (e.g. longer than the model's context).</summary>
public sealed record Reply(string Text, string? Error = null);
