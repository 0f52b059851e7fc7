using Arena.Core.Models;

namespace Arena.Core.Evaluations;

/// <summary>
/// A suite a user uploaded (JSON Lines, read by Arena.Evaluation's SuiteReader when it was uploaded and again on every
/// run). A private suite is its owner's alone, and so are the runs made with it; a public one anyone can run.
/// Unlisted is not offered: a suite is found in a list, never by link.
/// </summary>
public sealed class UserSuite
{
    public Guid Id { get; set; }
    public Guid OwnerId { get; set; }
    public string OwnerName { get; set; } = "";
    public string Name { get; set; } = "";
    public Visibility Visibility { get; set; } = Visibility.Private;
    public string Text { get; set; } = "";
    public string Hash { get; set; } = "";
    public int Items { get; set; }
    public DateTimeOffset Created { get; set; }

    /// <summary>How an evaluation request names it (built-in suites go by their plain names).</summary>
    public string Key => SuiteKeys.Of(Id);

    public bool VisibleTo(Viewer viewer) => Visibility == Visibility.Public || OwnerId == viewer.UserId;
}

/// <summary>"suite:{id}", the name of an uploaded suite wherever a suite name is taken.</summary>
public static class SuiteKeys
{
    const string Prefix = "suite:";

    public static string Of(Guid id) => $"{Prefix}{id:N}";

    public static Guid? IdOf(string name) =>
        name.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParse(name[Prefix.Length..], out var id) ? id : null;
}
