namespace Arena.Core.Models;

/// <summary>Model names are shown everywhere and matched for identity leaks in battles: keep them printable and short.</summary>
public static class ModelNames
{
    public const int MaxLength = 64;

    public static void Check(string? name)
    {
        var n = name?.Trim() ?? "";
        if (n.Length == 0) throw DomainException.Invalid("the model needs a name");
        if (n.Length > MaxLength) throw DomainException.Invalid($"model names are at most {MaxLength} characters");
        if (n.Any(char.IsControl)) throw DomainException.Invalid("model names cannot contain control characters");
    }
}
