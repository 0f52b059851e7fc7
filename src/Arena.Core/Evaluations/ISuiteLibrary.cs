using Arena.Core.Models;

namespace Arena.Core.Evaluations;

/// <summary>Uploaded suites: checked on upload, private or public, listed for whoever may run them.</summary>
public interface ISuiteLibrary
{
    /// <summary>Reads and stores the suite. Throws <see cref="DomainException"/>: Unauthenticated, Invalid (with the
    /// reader's reason and line), QuotaExceeded.</summary>
    Task<UserSuite> Upload(string name, string text, Visibility visibility, Viewer viewer, CancellationToken ct = default);

    /// <summary>The suite if the viewer may run it (its owner's, or public).</summary>
    Task<UserSuite?> Find(Guid id, Viewer viewer, CancellationToken ct = default);

    /// <summary>The viewer's own suites and the public ones, newest first.</summary>
    Task<IReadOnlyList<UserSuite>> Visible(Viewer viewer, CancellationToken ct = default);

    /// <summary>Owner only.</summary>
    Task Delete(Guid id, Viewer viewer, CancellationToken ct = default);
}
