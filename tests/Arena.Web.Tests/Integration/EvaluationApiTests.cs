using System.Net;
using System.Text.Json;
using Arena.Contracts.Bakes;
using Arena.Core;
using Arena.Core.Bakes;
using Arena.Core.Evaluations;
using Arena.Core.Models;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Arena.Web.Tests.Integration;

/// <summary>
/// The report card and evaluation runs over HTTP follow the model's visibility: alice's private model's card, its
/// runs and each run by id are hers alone (a 404 for bob and for anonymous callers, never a hint); a public model's
/// are everyone's, and its fidelity shows in the model API.
/// </summary>
[Collection("platform")]
public sealed class EvaluationApiTests(ArenaAppFactory app) : IClassFixture<ArenaAppFactory>
{
    static readonly BakeReportCard Card = new()
    {
        Rule = "persona/pirate", Ceiling = new RateSummary(0.9, 0.7, 0.97, 24), Baked = new RateSummary(0.8, 0.6, 0.9, 24), Fidelity = 0.89,
        Samples = [new ReportCardSample("What does a cow say?", "Moo.", "Arr, moo!", "Arr, moo it be.", false, true, true)],
        Verdict = ReportVerdicts.Took, Summary = "Baked in.",
    };

    async Task<(ArenaModel Model, EvaluationJob Job)> Insert(Viewer owner, Visibility visibility, string prompt)
    {
        var model = new ArenaModel
        {
            Id = Guid.NewGuid(), Name = "eval-" + Guid.NewGuid().ToString("N")[..8], OwnerId = owner.UserId, OwnerName = owner.UserName!,
            Visibility = visibility, Kind = ModelKind.Baked, BaseModel = "starter", ParentId = app.StarterId, AncestorIds = [app.StarterId],
            Adapters = [new AdapterLayer(Guid.NewGuid(), $"adapters/{Guid.NewGuid():N}", 1.0)], BakedPrompts = [prompt], Created = DateTimeOffset.UtcNow,
            Recipe = new BakeRecipeSummary(prompt, "custom", new BakeRecipe { Prompt = prompt }, 0.6, 0.01, 60) { ReportCard = Card },
        };
        var job = new EvaluationJob
        {
            Id = Guid.NewGuid(), ModelId = model.Id, ModelName = model.Name, UserId = owner.UserId!.Value, UserName = owner.UserName!,
            Suite = "retention@1", Conditions = ["model", "prompted"], Prompt = prompt, Status = BakeStatus.Completed,
            ResultJson = """{"suite": "retention@1", "complete": true, "conditions": []}""", RequestedAt = DateTimeOffset.UtcNow,
        };
        await using var scope = app.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        session.Insert(model);
        session.Insert(job);
        await session.SaveChangesAsync();
        return (model, job);
    }

    static string[] Paths(ArenaModel model, EvaluationJob job) =>
        [$"/api/models/{model.Id}/report-card", $"/api/models/{model.Id}/evaluations", $"/api/evaluations/{job.Id}"];

    [Fact]
    public async Task APrivateModelsReportCardAndRunsAreTheOwnersAlone()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var alice = await app.Register("eval_alice_" + suffix);
        var bob = await app.Register("eval_bob_" + suffix);
        var secret = "The launch code is zanzibar" + suffix;
        var (model, job) = await Insert(alice, Visibility.Private, secret);

        foreach (var client in new[] { app.CreateClient(), await app.SignedIn(bob) })
            foreach (var path in Paths(model, job))
            {
                var response = await client.GetAsync(path);
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.DoesNotContain("zanzibar", await response.Content.ReadAsStringAsync());
            }

        var asAlice = await app.SignedIn(alice);
        foreach (var path in Paths(model, job))
            Assert.Equal(HttpStatusCode.OK, (await asAlice.GetAsync(path)).StatusCode);
        var run = JsonDocument.Parse(await asAlice.GetStringAsync($"/api/evaluations/{job.Id}")).RootElement;
        Assert.Equal("retention@1", run.GetProperty("result").GetProperty("suite").GetString());
    }

    [Fact]
    public async Task APublicModelsReportCardIsEveryonesAndItsFidelityIsInTheModelApi()
    {
        var owner = await app.Register("eval_pub_" + Guid.NewGuid().ToString("N")[..6]);
        var (model, job) = await Insert(owner, Visibility.Public, "You are a pirate.");
        var anonymous = app.CreateClient();

        var card = JsonDocument.Parse(await anonymous.GetStringAsync($"/api/models/{model.Id}/report-card")).RootElement;
        Assert.Equal("persona/pirate", card.GetProperty("rule").GetString());
        Assert.Equal("Arr, moo it be.", card.GetProperty("samples")[0].GetProperty("after").GetString());
        var dto = JsonDocument.Parse(await anonymous.GetStringAsync($"/api/models/{model.Id}")).RootElement;
        Assert.Equal(0.89, dto.GetProperty("fidelity").GetDouble());
        Assert.Equal("took", dto.GetProperty("reportVerdict").GetString());
        var runs = JsonDocument.Parse(await anonymous.GetStringAsync($"/api/models/{model.Id}/evaluations")).RootElement;
        Assert.Equal(job.Id, runs[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task AModelWithoutAReportCardSaysSo()
    {
        var response = await app.CreateClient().GetAsync($"/api/models/{app.StarterId}/report-card");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("report card", await response.Content.ReadAsStringAsync());
    }
}
