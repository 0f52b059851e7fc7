namespace Arena.Core.Models;

/// <summary>Model names are shown everywhere and matched for identity leaks in battles: keep them printable and short.
/// The bake form and the variant field read the same rule.</summary>
public static class ModelNames
{
    public const int MaxLength = 64;
    public const int MaxDescriptionLength = 2000;

    /// <summary>Why <paramref name="name"/> cannot name a model, or null when it can.</summary>
    public static string? Problem(string? name)
    {
        var n = name?.Trim() ?? "";
        if (n.Length == 0) return "the model needs a name";
        if (n.Length > MaxLength) return $"model names are at most {MaxLength} characters";
        if (n.Any(char.IsControl)) return "model names cannot contain control characters";
        return null;
    }

    public static void Check(string? name)
    {
        if (Problem(name) is { } problem) throw DomainException.Invalid(problem);
    }

    public static string? DescriptionProblem(string? description) =>
        (description?.Length ?? 0) > MaxDescriptionLength ? $"descriptions are at most {MaxDescriptionLength} characters" : null;
}
