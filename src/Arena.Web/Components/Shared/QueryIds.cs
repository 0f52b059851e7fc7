namespace Arena.Web.Components.Shared;

/// <summary>
/// Ids in page links (?model=…, ?parent=…). Pages take them as text and parse them here: bound as Guid?, Blazor throws
/// while setting parameters on a value that is not a GUID, and a hand-edited link became a server error.
/// </summary>
public static class QueryIds
{
    /// <summary>The id, or null when the text is missing or not a GUID (or the empty GUID, which names nothing).</summary>
    public static Guid? Parse(string? text) =>
        Guid.TryParse(text?.Trim(), out var id) && id != Guid.Empty ? id : null;
}
