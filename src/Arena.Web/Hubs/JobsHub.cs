using Arena.Core.Bakes;
using Arena.Web.Accounts;
using Microsoft.AspNetCore.SignalR;

namespace Arena.Web.Hubs;

/// <summary>Live job updates for API clients (/hubs/jobs). A client watches a job only if it may see it, decided by
/// <see cref="IBakeService.Find"/> with the viewer from the auth cookie.</summary>
public sealed class JobsHub(IBakeService bakes) : Hub<IJobsClient>
{
    public static string GroupName(Guid jobId) => $"job:{jobId:N}";

    /// <returns>false (and no group) when the job does not exist or the caller may not see it.</returns>
    public async Task<bool> Watch(Guid jobId)
    {
        var job = await bakes.Find(jobId, ViewerClaims.From(Context.User), Context.ConnectionAborted);
        if (job is null) return false;
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupName(jobId), Context.ConnectionAborted);
        return true;
    }

    public Task Unwatch(Guid jobId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupName(jobId));
}
