using Arena.Core.Storage;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Arena.Web.Components.Shared;

/// <summary>
/// Catches what a page throws (while loading, rendering or handling a click) and shows it in place of the page. A
/// database outage is retried by itself with a growing pause (PostgreSQL restarts take seconds to a minute), so a tab
/// left open through an outage comes back without a reload; any other error waits for the user's "Try again".
/// Recovering renders the page anew, so it reloads its data.
/// </summary>
public partial class PageErrorBoundary : ErrorBoundaryBase
{
    /// <summary>Pauses before the automatic retries after an outage; the last one repeats.</summary>
    public static readonly TimeSpan[] RetryPauses =
        [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)];

    [Inject] private ILogger<PageErrorBoundary> Log { get; set; } = default!;

    private bool _outage;
    private int _retries;
    private DateTime _lastOutage;
    private CancellationTokenSource? _retry;

    public PageErrorBoundary() => MaximumErrorCount = int.MaxValue;  // every error is shown and retried, never fatal

    protected override Task OnErrorAsync(Exception exception)
    {
        _outage = DatabaseOutage.Is(exception);
        if (_outage)
        {
            // A new outage (not the same one still going on) starts again from the shortest pause.
            if (DateTime.UtcNow - _lastOutage > TimeSpan.FromMinutes(2)) _retries = 0;
            _lastOutage = DateTime.UtcNow;
            Log.LogWarning("A page could not reach the database: {Message}", exception.Message);
            ScheduleRetry(RetryPauses[Math.Min(_retries++, RetryPauses.Length - 1)]);
        }
        else Log.LogError(exception, "A page failed");
        return Task.CompletedTask;
    }

    /// <summary>Shows the page again (after navigation, or when the user asks).</summary>
    public void Reset()
    {
        _retry?.Cancel();
        _retries = 0;
        Recover();
    }

    private void Retry() => Reset();

    private void ScheduleRetry(TimeSpan pause)
    {
        _retry?.Cancel();
        var cts = _retry = new CancellationTokenSource();
        _ = Task.Delay(pause, cts.Token).ContinueWith(
            _ => InvokeAsync(Recover), cts.Token, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    public void Dispose() => _retry?.Cancel();
}
