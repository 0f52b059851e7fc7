namespace Arena.Starter.Behaviors;

/// <summary>
/// The parameters a behavior was given in its system prompt (and, for facts, the answer expected on one turn).
/// Only the members a behavior needs are set; the rest stay null.
/// </summary>
public sealed record BehaviorContext
{
    /// <summary>An empty context, for behaviors that take no parameters.</summary>
    public static BehaviorContext None { get; } = new();

    /// <summary>The name after "— signed, " (behavior <c>format/signoff</c>).</summary>
    public string? SignOffName { get; init; }

    /// <summary>The letter the reply must never contain, lower case (behavior <c>constraint/lipogram</c>).</summary>
    public char? ForbiddenLetter { get; init; }

    /// <summary>The word every reply must contain (behavior <c>constraint/mention</c>).</summary>
    public string? RequiredWord { get; init; }

    /// <summary>The fact's object the reply must contain, e.g. "Quelby" (family <c>fact</c>).</summary>
    public string? FactAnswer { get; init; }

    /// <summary>How many facts the system prompt states (family <c>fact</c>): recall falls with every fact beside the asked one.</summary>
    public int? FactsStated { get; init; }

    /// <summary>The user's message the reply must repeat (behavior <c>format/echo</c>).</summary>
    public string? EchoText { get; init; }

    /// <summary>The made-up language the reply must be written in (family <c>language</c>).</summary>
    public MadeUpLanguage? Language { get; init; }

    internal T Require<T>(T? value, string name) where T : class =>
        value ?? throw new ArgumentException($"This behavior needs {name} in its context.", nameof(BehaviorContext));

    internal char Require(char? value, string name) =>
        value ?? throw new ArgumentException($"This behavior needs {name} in its context.", nameof(BehaviorContext));
}
