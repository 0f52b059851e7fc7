using Arena.Core;
using Arena.Core.Battles;
using Arena.Web.Battles;
using Microsoft.Extensions.Options;

namespace Arena.Web.Api;

/// <summary>
/// POST /api/battles/{id}/vote {"winner": "a|b|tie|bothbad"} → the reveal; GET /api/battles/export[?layout=array]:
/// every vote the ratings use in Chatbot Arena's clean-battle format (identity leaks and outlier judges left out),
/// so anyone can recompute the leaderboard (`arena ratings --battles FILE`).
/// </summary>
/// <remarks>Battles are started and streamed by the Arena page. An API judge is the signed-in user, or an
/// anonymous one keyed by address ("anon:ip…"): an anonymous battle started in a browser tab belongs to that tab.</remarks>
public static class BattlesApi
{
    public sealed record VoteRequest(string? Winner);

    public static IEndpointRouteBuilder MapBattlesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/battles");

        api.MapPost("/{id:guid}/vote", async (Guid id, VoteRequest body, HttpContext http, IBattleService battles,
            IOptions<BattleWebOptions> options, CancellationToken ct) =>
        {
            if (WinnerNames.Parse(body.Winner) is not { } winner)
                return Results.Problem("winner must be a, b, tie or bothbad", statusCode: StatusCodes.Status400BadRequest);
            var judge = JudgeContext.Of(http, options.Value);
            try
            {
                return Results.Ok(await battles.Vote(id, judge.Key, winner, ct));
            }
            catch (DomainException e) { return DomainResults.Problem(e); }
        }).RequireRateLimiting(BattleRateLimiting.VotePolicy).DisableAntiforgery();

        api.MapGet("/export", async (string? layout, HttpContext http, ILeaderboardService board, CancellationToken ct) =>
        {
            var array = string.Equals(layout, "array", StringComparison.OrdinalIgnoreCase);
            var battles = await board.RatedBattles(ct);
            http.Response.ContentType = array ? "application/json" : "application/x-ndjson";
            http.Response.Headers.ContentDisposition = $"attachment; filename=arena-battles.{(array ? "json" : "jsonl")}";
            await CleanBattleWriter.WriteAsync(http.Response.Body, battles, array ? BattleFileLayout.Array : BattleFileLayout.JsonLines, ct);
        });

        return app;
    }
}
