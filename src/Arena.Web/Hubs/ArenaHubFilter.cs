using Arena.Core;
using Arena.Core.Storage;
using Microsoft.AspNetCore.SignalR;

namespace Arena.Web.Hubs;

/// <summary>
/// Hub calls' errors, one way for every hub: a <see cref="DomainException"/> becomes a <see cref="HubException"/> (whose
/// message reaches the client; others are hidden), expected ones are logged as a warning without a stack trace and
/// unexpected ones as an error with it. SignalR's own dispatcher logs every failed call as an error with its stack
/// (anyone could fill the log with bad arguments), so its category is raised to Critical in
/// <see cref="QuietDispatcherCategory"/> and this filter does the logging instead.
/// </summary>
public sealed class ArenaHubFilter(ILogger<ArenaHubFilter> log) : IHubFilter
{
    public const string QuietDispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(context);
        }
        catch (DomainException e)
        {
            Warn(context, e.Message);
            throw new HubException(e.Message);
        }
        catch (HubException e)
        {
            Warn(context, e.Message);
            throw;
        }
        catch (Exception e) when (DatabaseOutage.Is(e))
        {
            Warn(context, DatabaseOutage.Message);
            throw new HubException(DatabaseOutage.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "{Hub}.{Method} failed", context.Hub.GetType().Name, context.HubMethodName);
            throw;
        }
    }

    void Warn(HubInvocationContext context, string message) =>
        log.LogWarning("{Hub}.{Method} refused: {Message}", context.Hub.GetType().Name, context.HubMethodName, message);
}
