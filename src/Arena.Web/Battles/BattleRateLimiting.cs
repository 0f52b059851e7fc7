using System.Threading.RateLimiting;
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
                // The options as configured and post-configured (the installation's address salt), not the raw section.
                Partition(JudgeContext.Of(http, http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<BattleWebOptions>>().Value),
                    limits.VotesPerMinute, limits.AnonymousVotesPerMinute));
        });
        return services;
    }

    /// <summary>The partition every battle limit counts a judge in, API and circuit alike: a signed-in judge per
    /// user, an anonymous one per address (a new tab or a dropped cookie is a new anonymous key, the address is not).</summary>
    public static RateLimitPartition<string> Partition(Judge judge, int signedInPerMinute, int anonymousPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(PartitionKey(judge),
            _ => Window(judge.Viewer.UserId is null ? anonymousPerMinute : signedInPerMinute));

    /// <summary>The key of <see cref="Partition"/>: "user:{id}" when signed in, "ip:{hash}" otherwise. Every per-person
    /// limit (battles, chat streams: <see cref="Arena.Web.Chat.ChatQuota"/>) counts by it.</summary>
    public static string PartitionKey(Judge judge) =>
        judge.Viewer.UserId is { } id ? $"user:{id:N}" : $"ip:{judge.IpHash}";

    /// <summary>A one-minute fixed window of <paramref name="permits"/>, no queue: an over-eager client is told at once.</summary>
    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
