using Arena.Core;
using Arena.Core.Models;
using Arena.Web.Accounts;
using Arena.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Arena.Web.Api;

/// <summary>GET /api/models…: the same visibility as the pages (anything invisible is a 404).</summary>
public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/models");

        api.MapGet("/", async (string? q, int? skip, int? take, HttpContext http, IModelCatalog catalog, CancellationToken ct) =>
        {
            var models = await catalog.Search(q, ViewerClaims.From(http.User), Math.Max(0, skip ?? 0), Math.Clamp(take ?? 50, 1, 200), ct);
            return Results.Ok(models.Select(ModelDto.From));
        });

        api.MapGet("/{id:guid}", async (Guid id, HttpContext http, IModelCatalog catalog, CancellationToken ct) =>
            await catalog.Find(id, ViewerClaims.From(http.User), ct) is { } model
                ? Results.Ok(ModelDto.From(model))
                : DomainResults.Problem(DomainException.NotFound("the model")));

        api.MapGet("/{id:guid}/adapter.zip", async (Guid id, HttpContext http, IModelCatalog catalog,
            IOptions<ArenaOptions> options, CancellationToken ct) =>
        {
            var model = await catalog.Find(id, ViewerClaims.From(http.User), ct);
            if (model is null) return DomainResults.Problem(DomainException.NotFound("the model"));
            if (AdapterArchive.FolderOf(model, options.Value.ArtifactsRoot) is not { } folder)
                return DomainResults.Problem(DomainException.NotFound("this model's adapter"));
            // The copy the catalog gave withholds prompts of ancestors the viewer cannot see: so does the archive.
            var zip = await AdapterArchive.Zip(model, folder, ct, withReport: model.PromptsWithheld == 0);
            return Results.File(zip, "application/zip", AdapterArchive.FileName(model));
        });

        return app;
    }
}
