namespace Arena.Web.Components.Shared;

/// <summary>
/// A message as a page shows it: a sentence. Core and Contracts write their messages in lower case without a full
/// stop, because they are also embedded elsewhere ("arena: epochs must be in 1..100" on the CLI, a ProblemDetails
/// detail); pages pass them through here.
/// </summary>
public static class Sentence
{
    public static string Of(string? message)
    {
        var text = (message ?? "").Trim();
        if (text.Length == 0) return text;
        if (char.IsLower(text[0])) text = char.ToUpperInvariant(text[0]) + text[1..];
        return text[^1] is '.' or '!' or '?' or '…' or ')' ? text : text + ".";
    }
}
