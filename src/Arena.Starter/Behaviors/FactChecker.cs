using System.Text.RegularExpressions;

namespace Arena.Starter.Behaviors;

/// <summary>Fact recall: the reply contains the fact's object (e.g. "Quelby") as whole words, any case.</summary>
public sealed class FactChecker(string id) : IBehaviorChecker
{
    /// <inheritdoc />
    public string Family => "fact";

    /// <inheritdoc />
    public string Id { get; } = id;

    /// <inheritdoc />
    public bool Follows(string reply, BehaviorContext context)
    {
        var answer = context.Require(context.FactAnswer, nameof(context.FactAnswer));
        return Regex.IsMatch(reply, $@"(?<!\p{{L}}){Regex.Escape(answer)}(?!\p{{L}})", RegexOptions.IgnoreCase);
    }
}
