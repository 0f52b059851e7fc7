using Arena.Web.Bus;

namespace Arena.Web.Hubs;

/// <summary>What the server calls on SignalR clients watching jobs.</summary>
public interface IJobsClient
{
    Task JobUpdated(JobUpdate update);
}
