using Npgsql;

namespace Arena.Web.Api;

/// <summary>GET /healthz: 200 "ok" when the database answers, 503 otherwise (for load balancers and run scripts).</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (IConfiguration config, ILoggerFactory logs, CancellationToken ct) =>
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(3));
                await using var connection = new NpgsqlConnection(config.GetConnectionString("Arena"));
                await connection.OpenAsync(timeout.Token);
                await using var command = new NpgsqlCommand("select 1", connection);
                await command.ExecuteScalarAsync(timeout.Token);
                return Results.Text("ok");
            }
            catch (Exception e) when (e is NpgsqlException or OperationCanceledException or InvalidOperationException or ArgumentException)
            {
                logs.CreateLogger("Arena.Health").LogWarning(e, "Health check: the database did not answer");
                return Results.Text("database unavailable", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
        return app;
    }
}
