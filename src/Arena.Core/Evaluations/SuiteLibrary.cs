using Arena.Core.Models;
using Arena.Core.Storage;
using Arena.Evaluation;
using Arena.Evaluation.Checks;
using Arena.Evaluation.Suites;
using Marten;
using Microsoft.Extensions.Options;

namespace Arena.Core.Evaluations;

/// <summary>
/// Uploaded suites on Marten. A suite is read with the platform's rule book on upload, so a bad line is refused with
/// its line number and reason before anything is stored.
/// </summary>
public sealed class SuiteLibrary(IDocumentStore store, IRuleBook rules, IOptions<SuiteUploadLimits> limits) : ISuiteLibrary
{
    public async Task<UserSuite> Upload(string name, string text, Visibility visibility, Viewer viewer, CancellationToken ct = default)
    {
        if (viewer.UserId is not { } userId) throw new DomainException(DomainError.Unauthenticated, "sign in to upload a suite");
        if (NameProblem(name) is { } problem) throw DomainException.Invalid(problem);
        if (visibility is not (Visibility.Private or Visibility.Public)) throw DomainException.Invalid("a suite is private or public");
        var l = limits.Value;
        if (string.IsNullOrWhiteSpace(text)) throw DomainException.Invalid("the suite file is empty");
        if (text.Length > l.MaxChars) throw DomainException.Invalid($"the suite file is {text.Length:N0} characters; the limit is {l.MaxChars:N0}");
        Suite suite;
        try
        {
            suite = SuiteReader.Read(name.Trim(), text, rules, where: "the suite");
        }
        catch (SuiteException e)
        {
            throw DomainException.Invalid(e.Message);
        }
        return await store.Run(async session =>
        {
            var count = await session.Query<UserSuite>().CountAsync(s => s.OwnerId == userId, ct);
            if (count >= l.MaxSuitesPerUser)
                throw new DomainException(DomainError.QuotaExceeded, $"you have {count} suites; the limit is {l.MaxSuitesPerUser}. Delete one first.");
            var stored = new UserSuite
            {
                Id = Guid.NewGuid(), OwnerId = userId, OwnerName = viewer.UserName ?? "", Name = name.Trim(), Visibility = visibility,
                Text = text, Hash = suite.Hash, Items = suite.Items.Count, Created = DateTimeOffset.UtcNow,
            };
            session.Insert(stored);
            return stored;
        }, ct, what: "uploaded suites");
    }

    static string? NameProblem(string? name) => name?.Trim() switch
    {
        null or "" => "the suite needs a name",
        { Length: > ModelNames.MaxLength } => $"suite names are at most {ModelNames.MaxLength} characters",
        var n when n.Any(char.IsControl) => "suite names cannot contain control characters",
        _ => null,
    };

    public async Task<UserSuite?> Find(Guid id, Viewer viewer, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var suite = await session.LoadAsync<UserSuite>(id, ct);
        return suite is not null && suite.VisibleTo(viewer) ? suite : null;
    }

    public async Task<IReadOnlyList<UserSuite>> Visible(Viewer viewer, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var userId = viewer.UserId ?? Guid.Empty;
        return await session.Query<UserSuite>()
            .Where(s => s.Visibility == Visibility.Public || s.OwnerId == userId)
            .OrderByDescending(s => s.Created).Take(100).ToListAsync(ct);
    }

    public async Task Delete(Guid id, Viewer viewer, CancellationToken ct = default)
    {
        var suite = await Find(id, viewer, ct) ?? throw DomainException.NotFound("the suite");
        if (suite.OwnerId != viewer.UserId) throw new DomainException(DomainError.Forbidden, "only the suite's owner can delete it");
        await using var session = store.LightweightSession();
        session.Delete<UserSuite>(id);
        await session.SaveChangesAsync(ct);
    }
}
