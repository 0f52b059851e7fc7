using System.Threading.RateLimiting;
using Arena.Web.Accounts;
using Microsoft.AspNetCore.RateLimiting;

namespace Arena.Web.Battles;

/// <summary>ASP.NET Core rate limiting for the battle API: per user when signed in, per address otherwise.</summary>
public static class BattleRateLimiting
{
    public const string VotePolicy = "battle-vote";

    public static IServiceCollection AddBattleRateLimiting(this IServiceCollection services, BattleWebOptions options)
    {
        var limits = options.RateLimits;
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // With a body, so the status-code pages middleware leaves the answer alone (it re-executes empty errors
            // as the not-found page, which turns a POST into a 400).
            o.OnRejected = (context, ct) => new ValueTask(Results.Problem("too many requests; wait a minute and try again",
                statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext));
            o.AddPolicy(VotePolicy, http =>
            {
                var viewer = ViewerClaims.From(http.User);
                var partition = viewer.UserId is { } id ? $"user:{id:N}" : $"ip:{JudgeContext.AddressHash(http, options)}";
                return RateLimitPartition.GetFixedWindowLimiter(partition,
                    _ => Window(viewer.IsSignedIn ? limits.VotesPerMinute : limits.AnonymousVotesPerMinute));
            });
        });
        return services;
    }

    /// <summary>A one-minute fixed window of <paramref name="permits"/>, no queue: an over-eager client is told at once.</summary>
    public static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
