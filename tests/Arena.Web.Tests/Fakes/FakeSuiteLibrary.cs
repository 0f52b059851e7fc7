using Arena.Core;
using Arena.Core.Evaluations;
using Arena.Core.Models;
using Arena.Evaluation;
using Arena.Evaluation.Suites;
using Arena.Starter.Behaviors;

namespace Arena.Web.Tests.Fakes;

/// <summary>Uploaded suites in memory, read by the real SuiteReader; storage and visibility are tested in Arena.Core.Tests.</summary>
public sealed class FakeSuiteLibrary : ISuiteLibrary
{
    public List<UserSuite> Suites { get; } = [];

    public Task<UserSuite> Upload(string name, string text, Visibility visibility, Viewer viewer, CancellationToken ct = default)
    {
        if (viewer.UserId is not { } userId) throw new DomainException(DomainError.Unauthenticated, "sign in to upload a suite");
        Suite suite;
        try { suite = SuiteReader.Read(name, text, StarterRules.Instance, where: "the suite"); }
        catch (SuiteException e) { throw DomainException.Invalid(e.Message); }
        var stored = new UserSuite
        {
            Id = Guid.NewGuid(), OwnerId = userId, OwnerName = viewer.UserName ?? "", Name = name, Visibility = visibility, Text = text,
            Hash = suite.Hash, Items = suite.Items.Count, Created = DateTimeOffset.UtcNow,
        };
        Suites.Add(stored);
        return Task.FromResult(stored);
    }

    public Task<UserSuite?> Find(Guid id, Viewer viewer, CancellationToken ct = default) =>
        Task.FromResult(Suites.FirstOrDefault(s => s.Id == id && s.VisibleTo(viewer)));

    public Task<IReadOnlyList<UserSuite>> Visible(Viewer viewer, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<UserSuite>>(Suites.Where(s => s.VisibleTo(viewer)).ToList());

    public Task Delete(Guid id, Viewer viewer, CancellationToken ct = default)
    {
        Suites.RemoveAll(s => s.Id == id && s.OwnerId == viewer.UserId);
        return Task.CompletedTask;
    }
}
