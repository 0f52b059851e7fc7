using Arena.Core.Bakes;
using Arena.Core.Evaluations;
using Arena.Core.Models;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Core.Tests.Storage;

/// <summary>Uploaded suites on the real store: checked on upload, private or public, and what running one shows.</summary>
public sealed class SuiteLibraryTests(StoreFixture db) : IClassFixture<StoreFixture>
{
    const string Good = """
        {"id": "a", "prompt": "Say cat.", "checks": [{"kind": "contains", "value": "cat"}]}
        {"key": 7, "prompt": "No commas please.", "instruction_id_list": ["punctuation:no_comma"], "kwargs": [{}]}
        """;

    Task<UserSuite> Upload(Viewer v, string text = Good, Visibility visibility = Visibility.Private, string name = "my suite") =>
        db.In(sp => sp.GetRequiredService<ISuiteLibrary>().Upload(name, text, visibility, v));

    [Fact]
    public async Task AGoodSuiteIsStoredWithItsItemsAndHash()
    {
        var user = await db.NewUser();
        var suite = await Upload(user);
        Assert.Equal((2, 64), (suite.Items, suite.Hash.Length));
        Assert.Equal(suite.Id, (await db.In(sp => sp.GetRequiredService<ISuiteLibrary>().Find(suite.Id, user)))!.Id);
    }

    [Theory]
    [InlineData("{\"id\": \"a\", \"prompt\": \"x\"}\n{oops", "line 2: not valid JSON")]
    [InlineData("{\"id\": \"a\", \"prompt\": \"x\", \"checks\": [{\"kind\": \"vibes\"}]}", "unknown check kind 'vibes'")]
    [InlineData("   ", "the suite file is empty")]
    [InlineData("{\"id\": \"a\", \"prompt\": \"x\", \"instruction_id_list\": [\"keywords:existence\"], \"kwargs\": [{}]}", "keywords")]
    public async Task ABadSuiteIsRefusedWithItsLineAndReasonAndNothingIsStored(string text, string expected)
    {
        var user = await db.NewUser();
        var e = await Assert.ThrowsAsync<DomainException>(() => Upload(user, text));
        Assert.Equal(DomainError.Invalid, e.Error);
        Assert.Contains(expected, e.Message);
        var visible = await db.In(sp => sp.GetRequiredService<ISuiteLibrary>().Visible(user));
        Assert.DoesNotContain(visible, s => s.OwnerId == user.UserId);
    }

    [Fact]
    public async Task AnonymousVisitorsCannotUpload()
    {
        var e = await Assert.ThrowsAsync<DomainException>(() => Upload(Viewer.Anonymous));
        Assert.Equal(DomainError.Unauthenticated, e.Error);
    }

    [Fact]
    public async Task APrivateSuiteIsItsOwnersAndSoAreItsRunsEvenOnAPublicModel()
    {
        var alice = await db.NewUser();
        var bob = await db.NewUser();
        var secret = await Upload(alice, name: "alice secret suite");
        var shared = await Upload(alice, visibility: Visibility.Public, name: "alice shared suite");
        var library = (Func<IServiceProvider, ISuiteLibrary>)(sp => sp.GetRequiredService<ISuiteLibrary>());

        Assert.Null(await db.In(sp => library(sp).Find(secret.Id, bob)));
        Assert.NotNull(await db.In(sp => library(sp).Find(shared.Id, bob)));
        var bobSees = await db.In(sp => library(sp).Visible(bob));
        Assert.DoesNotContain(bobSees, s => s.Id == secret.Id);
        Assert.Contains(bobSees, s => s.Id == shared.Id);

        // Bob cannot run alice's private suite; alice's run of it on the public starter is hers alone.
        var refused = await Assert.ThrowsAsync<DomainException>(() => db.In(sp => sp.GetRequiredService<IEvaluationService>()
            .Request(new EvaluationRequest(db.StarterId, secret.Key, ["model"]), bob)));
        Assert.Equal(DomainError.NotFound, refused.Error);
        var runId = await db.In(sp => sp.GetRequiredService<IEvaluationService>().Request(new EvaluationRequest(db.StarterId, secret.Key, ["model"]), alice));
        var sent = Assert.Single(db.Evaluations.Dispatched, d => d.Job.Id == runId);
        Assert.True(sent.Job.SuitePrivate);
        Assert.Equal("alice secret suite", sent.Job.Suite);
        Assert.Equal(Good, sent.SuiteText);
        Assert.NotNull(await db.In(sp => sp.GetRequiredService<IEvaluationService>().Find(runId, alice)));
        Assert.Null(await db.In(sp => sp.GetRequiredService<IEvaluationService>().Find(runId, bob)));
        Assert.DoesNotContain(await db.In(sp => sp.GetRequiredService<IEvaluationService>().ForModel(db.StarterId, bob)), j => j.Id == runId);
    }

    [Fact]
    public async Task OnlyTheOwnerDeletesASuite()
    {
        var alice = await db.NewUser();
        var bob = await db.NewUser();
        var suite = await Upload(alice, visibility: Visibility.Public);
        var e = await Assert.ThrowsAsync<DomainException>(() => db.In(sp => sp.GetRequiredService<ISuiteLibrary>().Delete(suite.Id, bob)));
        Assert.Equal(DomainError.Forbidden, e.Error);
        await db.In(sp => sp.GetRequiredService<ISuiteLibrary>().Delete(suite.Id, alice));
        Assert.Null(await db.In(sp => sp.GetRequiredService<ISuiteLibrary>().Find(suite.Id, alice)));
    }
}
