namespace Arena.Web.Accounts;

/// <summary>
/// What a new password must be, after NIST SP 800-63B (5.1.1.2): long enough, and not a password an attacker tries
/// first — one of the most common ones (also with digits or symbols tacked on), a run like 12345678 or aaaaaaaa, or the
/// user name. No composition rules (no "one digit, one capital"): they make passwords harder to remember, not to guess.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;
    /// <summary>Upper bound so a huge password cannot make hashing expensive.</summary>
    public const int MaxLength = 256;

    public static readonly string TooShort = $"The password must be at least {MinLength} characters long.";
    public static readonly string TooLong = $"The password may be at most {MaxLength} characters long.";
    public const string ContainsName = "The password must not contain your user name.";
    public const string Common = "This is one of the most common passwords; choose one that is harder to guess.";
    public const string Trivial = "The password must not be one repeated character or a simple run like 12345678 or abcdefgh.";

    /// <summary>Help shown beside the password field.</summary>
    public static readonly string Help = $"At least {MinLength} characters; not a common password and not your user name. A few unrelated words work well.";

    private static readonly Lazy<HashSet<string>> Blocklist = new(Load);

    /// <summary>Why <paramref name="password"/> is refused for <paramref name="userName"/>, or null when it is fine.</summary>
    public static string? Check(string? userName, string? password)
    {
        password ??= "";
        if (password.Length < MinLength) return TooShort;
        if (password.Length > MaxLength) return TooLong;
        var name = userName?.Trim() ?? "";
        if (name.Length >= AccountService.MinNameLength && password.Contains(name, StringComparison.OrdinalIgnoreCase))
            return ContainsName;
        if (IsCommon(password)) return Common;
        if (IsTrivial(password)) return Trivial;
        return null;
    }

    /// <summary>In the list, as is or with trailing digits and symbols removed ("dragon2024!" is "dragon").</summary>
    public static bool IsCommon(string password)
    {
        var lower = password.ToLowerInvariant();
        if (Blocklist.Value.Contains(lower)) return true;
        var stem = lower.TrimEnd("0123456789!@#$%^&*?.-_+=~ ".ToCharArray());
        return stem.Length >= 3 && Blocklist.Value.Contains(stem);
    }

    /// <summary>At most two distinct characters ("aaaaaaaa", "abababab"), or every step the same +1 or −1 ("12345678",
    /// "hgfedcba").</summary>
    public static bool IsTrivial(string password)
    {
        if (password.Distinct().Count() <= 2) return true;
        var step = password[1] - password[0];
        if (step is not (1 or -1)) return false;
        for (var i = 2; i < password.Length; i++)
            if (password[i] - password[i - 1] != step) return false;
        return true;
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("Arena.Web.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("the common-password list is not embedded");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && !line.StartsWith('#')) set.Add(line.Trim());
        return set;
    }
}
