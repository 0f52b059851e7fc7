namespace Arena.Web.Hosting;

/// <summary>
/// What one Blazor circuit message may carry. Fields bind on every keystroke, so a field's whole text travels in one
/// SignalR message: a paste beyond the hub's limit used to drop the circuit and freeze the page. Every text field is
/// bounded (by its domain limit, or by this one where the domain's is larger), and the hub accepts what that needs.
/// </summary>
public static class CircuitLimits
{
    /// <summary>The longest text a field may hold when its own domain limit is larger (the bake form's query list).</summary>
    public const int MaxFieldChars = 64_000;

    /// <summary>UTF-8 takes up to 4 bytes a character, plus the message's framing.</summary>
    public const long MaxMessageBytes = MaxFieldChars * 4L + 16 * 1024;
}
