namespace Arena.Contracts.Chat;

/// <summary>
/// The sampling a worker will run: one definition for the chat form's fields, the web app's check before it asks a
/// worker, and the worker's own check of what arrives on the bus.
/// </summary>
public static class SamplingBounds
{
    public const double MaxTemperature = 4;
    public const double MaxTopP = 1;
    public const int MaxTokens = 1024;

    /// <summary>The most max tokens a model with a context of <paramref name="contextLength"/> tokens is asked for:
    /// three quarters of its context, so the conversation keeps a quarter (a prompt and the reply must fit together).
    /// <see cref="MaxTokens"/> when the context is unknown; the worker still refuses what does not fit.</summary>
    public static int MaxReplyTokens(int? contextLength) =>
        contextLength is { } c ? Math.Clamp(c * 3 / 4, 1, MaxTokens) : MaxTokens;

    /// <summary>As <see cref="Problem(SamplingParameters)"/>, and max tokens within what the model's context allows.</summary>
    public static string? Problem(SamplingParameters p, int? contextLength) =>
        Problem(p) ?? (p.MaxTokens > MaxReplyTokens(contextLength)
            ? $"max tokens must be at most {MaxReplyTokens(contextLength)} for this model, whose context holds {contextLength} tokens with the conversation; got {p.MaxTokens}"
            : null);

    /// <summary>What is out of bounds in <paramref name="p"/>, naming the setting; null when all is in bounds.</summary>
    public static string? Problem(SamplingParameters p) =>
        p.MaxTokens is < 1 or > MaxTokens ? $"max tokens must be in 1..{MaxTokens}, got {p.MaxTokens}"
        // Written so that NaN fails too.
        : !(p.Temperature is >= 0 and <= MaxTemperature) ? $"temperature must be in 0..{MaxTemperature}, got {p.Temperature}"
        : !(p.TopP is > 0 and <= MaxTopP) ? $"top-p must be in (0, {MaxTopP}], got {p.TopP}"
        : p.Seed is < 0 ? $"the seed must be zero or positive, got {p.Seed}"
        : null;
}
