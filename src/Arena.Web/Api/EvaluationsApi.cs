using System.Text.Json.Nodes;
using Arena.Core;
using Arena.Core.Evaluations;
using Arena.Core.Models;
using Arena.Web.Accounts;

namespace Arena.Web.Api;

/// <summary>
/// GET /api/models/{id}/report-card, /api/models/{id}/evaluations and /api/evaluations/{id}: a bake's report card and
/// a model's suite runs, with the same visibility as the model (anything invisible is a 404). Runs are started from the
/// model page's Evaluation tab.
/// </summary>
public static class EvaluationsApi
{
    /// <summary>An evaluation job as the API shows it; <see cref="Result"/> is the run's JSON (Arena.Evaluation's RunJson).</summary>
    public sealed record EvaluationDto(Guid Id, Guid ModelId, string Suite, IReadOnlyList<string> Conditions, string? Prompt, int? Limit,
        int Seed, string Status, int Done, int Total, DateTimeOffset RequestedAt, DateTimeOffset? FinishedAt, string? FailureReason, JsonNode? Result)
    {
        public static EvaluationDto From(EvaluationJob j) => new(j.Id, j.ModelId, j.Suite, j.Conditions, j.Prompt, j.Limit, j.Seed,
            j.Status.ToString(), j.Done, j.Total, j.RequestedAt, j.FinishedAt, j.FailureReason, j.ResultJson is null ? null : JsonNode.Parse(j.ResultJson));
    }

    public static IEndpointRouteBuilder MapEvaluationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/models/{id:guid}/report-card", async (Guid id, HttpContext http, IModelCatalog catalog, CancellationToken ct) =>
            await catalog.Find(id, ViewerClaims.From(http.User), ct) is not { } model
                ? DomainResults.Problem(DomainException.NotFound("the model"))
                : model.Recipe?.ReportCard is { } card
                    ? Results.Ok(card)
                    : DomainResults.Problem(DomainException.NotFound("a report card for this model")));

        app.MapGet("/api/models/{id:guid}/evaluations", async (Guid id, HttpContext http, IModelCatalog catalog, IEvaluationService evaluations,
            CancellationToken ct) =>
        {
            var viewer = ViewerClaims.From(http.User);
            if (await catalog.Find(id, viewer, ct) is null) return DomainResults.Problem(DomainException.NotFound("the model"));
            return Results.Ok((await evaluations.ForModel(id, viewer, ct: ct)).Select(EvaluationDto.From));
        });

        app.MapGet("/api/evaluations/{id:guid}", async (Guid id, HttpContext http, IEvaluationService evaluations, CancellationToken ct) =>
            await evaluations.Find(id, ViewerClaims.From(http.User), ct) is { } job
                ? Results.Ok(EvaluationDto.From(job))
                : DomainResults.Problem(DomainException.NotFound("the evaluation")));

        return app;
    }
}
