namespace Arena.Core.Evaluations;

/// <summary>
/// What a user asks to run: a built-in suite on a model they can see, under conditions ("model", "base",
/// "prompted", "reprompted"); prompted conditions use <paramref name="Prompt"/>, or the model's last baked prompt.
/// </summary>
public sealed record EvaluationRequest(Guid ModelId, string Suite, IReadOnlyList<string> Conditions, string? Prompt = null, int? Limit = null, int Seed = 0);
