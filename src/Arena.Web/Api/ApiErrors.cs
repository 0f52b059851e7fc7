using Arena.Core;
using Arena.Core.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Routing;

namespace Arena.Web.Api;

/// <summary>
/// One error pipeline for the HTTP API (/api/*): every error is ProblemDetails JSON with a message, whether it comes
/// from an exception (a <see cref="DomainException"/>, a body that is not JSON, a bug), from a bare status code (no such
/// route, 401, 429) or from an endpoint. Pages keep their error and not-found pages.
/// Expected errors (bad input, unknown ids) are logged as one warning line without a stack trace: anyone can cause
/// them, so they must not fill the log; only unexpected ones are logged as errors, with the exception.
/// </summary>
public static class ApiErrors
{
    public static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api");

    public static IServiceCollection AddArenaApiErrors(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<ArenaExceptionHandler>();
        // Bad bodies and parameters throw BadHttpRequestException (with a message) in every environment, rather than
        // an empty 400 outside Development.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>The API's exception handler and status-code pages, then the pages' own ones for everything else.</summary>
    public static WebApplication UseArenaErrors(this WebApplication app)
    {
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages(context => WriteProblem(context.HttpContext, context.HttpContext.Response.StatusCode, null));
        });
        app.UseWhen(http => !IsApi(http), pages =>
        {
            if (!app.Environment.IsDevelopment())
                pages.UseExceptionHandler(new ExceptionHandlerOptions
                {
                    ExceptionHandlingPath = "/error",
                    CreateScopeForErrors = true,
                    // Expected errors were logged as warnings by ArenaExceptionHandler.
                    SuppressDiagnosticsCallback = c => ArenaExceptionHandler.IsExpected(c.Exception),
                });
            pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        });
        return app;
    }

    /// <summary>A ProblemDetails JSON body, whatever the client accepts.</summary>
    public static Task WriteProblem(HttpContext http, int status, string? message) =>
        Results.Problem(message ?? MessageFor(status, http), statusCode: status).ExecuteAsync(http);

    static string MessageFor(int status, HttpContext http) => status switch
    {
        StatusCodes.Status404NotFound => $"there is nothing at {http.Request.Method} {http.Request.Path}",
        StatusCodes.Status405MethodNotAllowed => $"{http.Request.Path} does not answer {http.Request.Method}",
        StatusCodes.Status401Unauthorized => "sign in first",
        StatusCodes.Status403Forbidden => "you may not do this",
        StatusCodes.Status429TooManyRequests => "too many requests; wait a little and try again",
        StatusCodes.Status400BadRequest => "the request is not valid",
        StatusCodes.Status415UnsupportedMediaType => "send the body as JSON (Content-Type: application/json)",
        >= 500 => "something went wrong on our side; please try again later",
        _ => ReasonPhrases.GetReasonPhrase(status),
    };
}

/// <summary>Turns an exception into a ProblemDetails answer on the API (and logs an expected one as a warning on pages,
/// where the error page answers).</summary>
public sealed class ArenaExceptionHandler(ILogger<ArenaExceptionHandler> log) : IExceptionHandler
{
    /// <summary>Errors anyone can cause, and database outages (one line each, not a stack trace per request).</summary>
    public static bool IsExpected(Exception e) => e is DomainException or BadHttpRequestException || DatabaseOutage.Is(e);

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var (status, message) = exception switch
        {
            DomainException d => (DomainResults.StatusOf(d.Error), d.Message),
            BadHttpRequestException b => (b.StatusCode, BadRequestMessage(b)),
            _ when DatabaseOutage.Is(exception) => (StatusCodes.Status503ServiceUnavailable, DatabaseOutage.Message),
            _ => (StatusCodes.Status500InternalServerError, (string?)null),
        };
        if (IsExpected(exception))
            log.LogWarning("{Method} {Path} answered {Status}: {Message}", http.Request.Method, http.Request.Path, status, message);
        if (!ApiErrors.IsApi(http)) return false;
        if (status == StatusCodes.Status503ServiceUnavailable) http.Response.Headers.RetryAfter = "30";
        if (!IsExpected(exception))
            log.LogError(exception, "{Method} {Path} failed", http.Request.Method, http.Request.Path);
        await ApiErrors.WriteProblem(http, status, message);
        return true;
    }

    /// <summary>What was wrong with the request, in words (not the JSON reader's type names and positions).</summary>
    static string BadRequestMessage(BadHttpRequestException e) => e.InnerException switch
    {
        System.Text.Json.JsonException j => $"the request body is not valid JSON{(j.Path is { Length: > 1 } p ? $" (at {p})" : "")}",
        _ when e.Message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase) => "the request needs a JSON body",
        _ => e.Message,
    };
}
