namespace Arena.Core;

/// <summary>Who is asking: a signed-in user or an anonymous visitor. Every query about models and jobs takes one, so
/// visibility is decided in one place (the domain) and never by the UI.</summary>
public sealed record Viewer(Guid? UserId, string? UserName)
{
    public static readonly Viewer Anonymous = new(null, null);
    public bool IsSignedIn => UserId is not null;
    public static Viewer User(Guid id, string name) => new(id, name);
}
