using Arena.Web.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace Arena.Web.Bus;

/// <summary>Sends a job update to this replica's Blazor components and to the SignalR clients watching the job.</summary>
public sealed class JobUpdateBroadcaster(JobUpdateFeed feed, IHubContext<JobsHub, IJobsClient> hub)
{
    public async Task Broadcast(JobUpdate update)
    {
        await feed.Publish(update);
        await hub.Clients.Group(JobsHub.GroupName(update.JobId)).JobUpdated(update);
    }
}
