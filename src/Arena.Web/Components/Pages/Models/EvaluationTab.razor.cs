using Arena.Core;
using Arena.Core.Bakes;
using Arena.Core.Evaluations;
using Arena.Core.Models;
using Arena.Web.Bus;
using Arena.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Arena.Web.Components.Pages.Models;

/// <summary>
/// The model page's Evaluation tab. It calls <see cref="IEvaluationService"/> (which decides who may see and run
/// what) and keeps only presentation; live progress comes through the <see cref="JobUpdateFeed"/>, and a finished
/// job is read back from the store.
/// </summary>
public sealed partial class EvaluationTab
{
    [Inject] private IEvaluationService Evaluations { get; set; } = default!;
    [Inject] private JobUpdateFeed Feed { get; set; } = default!;
    [Inject] private IOptions<EvaluationLimits> Limits { get; set; } = default!;
    [Inject] private ISuiteLibrary Suites { get; set; } = default!;
    [Inject] private IOptions<SuiteUploadLimits> UploadLimits { get; set; } = default!;

    [Parameter, EditorRequired] public ArenaModel Model { get; set; } = default!;
    [Parameter, EditorRequired] public Viewer Viewer { get; set; } = Viewer.Anonymous;

    private List<EvaluationJob> _jobs = [];
    private readonly Dictionary<Guid, IDisposable> _subscriptions = [];
    private string _suite = "retention";
    private readonly HashSet<string> _conditions = ["model"];
    private int _limit = 48;
    private string? _error;
    private bool _busy;
    private IReadOnlyList<UserSuite> _uploaded = [];
    private string _uploadName = "";
    private string _uploadText = "";
    private Visibility _uploadVisibility = Visibility.Private;
    private string? _uploadError;
    private string? _uploadDone;

    protected override async Task OnParametersSetAsync()
    {
        if (Model.BakedPrompts.Count > 0) _conditions.UnionWith(["base"]);
        _limit = Math.Min(_limit, Limits.Value.MaxItems);
        await Reload();
    }

    private async Task Reload()
    {
        _jobs = [.. await Evaluations.ForModel(Model.Id, Viewer)];
        _uploaded = await Suites.Visible(Viewer);
        foreach (var job in _jobs.Where(j => !j.Status.IsFinished() && !_subscriptions.ContainsKey(j.Id)))
            _subscriptions[job.Id] = Feed.Subscribe(job.Id, update => InvokeAsync(() => OnUpdate(update)));
    }

    private void Toggle(string condition, bool on)
    {
        if (on) _conditions.Add(condition);
        else _conditions.Remove(condition);
    }

    private async Task Run()
    {
        _busy = true;
        _error = null;
        try
        {
            var order = Arena.Evaluation.Running.Condition.All.Select(c => c.Name).Where(_conditions.Contains).ToList();
            await Evaluations.Request(new EvaluationRequest(Model.Id, _suite, order, Limit: _limit), Viewer);
            await Reload();
        }
        catch (DomainException e) { _error = Sentence.Of(e.Message); }
        finally { _busy = false; }
    }

    private async Task LoadFile(Microsoft.AspNetCore.Components.Forms.InputFileChangeEventArgs e)
    {
        _uploadError = null;
        // Characters are at least bytes: a file over the byte limit is over the character limit too.
        var max = UploadLimits.Value.MaxChars;
        if (e.File.Size > max * 4L)
        {
            _uploadError = $"The file is {e.File.Size:N0} bytes; a suite is at most {max:N0} characters.";
            return;
        }
        try
        {
            using var reader = new StreamReader(e.File.OpenReadStream(max * 4L));
            _uploadText = await reader.ReadToEndAsync();
            if (string.IsNullOrWhiteSpace(_uploadName)) _uploadName = Path.GetFileNameWithoutExtension(e.File.Name);
        }
        catch (IOException ex) { _uploadError = Sentence.Of($"the file could not be read: {ex.Message}"); }
    }

    private async Task Upload()
    {
        _busy = true;
        (_uploadError, _uploadDone) = (null, null);
        try
        {
            var suite = await Suites.Upload(_uploadName, _uploadText, _uploadVisibility, Viewer);
            _uploadDone = $"Uploaded “{suite.Name}”: {suite.Items} items. It is selected above.";
            _uploadText = "";
            _uploaded = await Suites.Visible(Viewer);
            _suite = suite.Key;
        }
        catch (DomainException e) { _uploadError = Sentence.Of(e.Message); }
        finally { _busy = false; }
    }

    private async Task Cancel(Guid jobId)
    {
        _error = null;
        try
        {
            await Evaluations.Cancel(jobId, Viewer);
            await Reload();
        }
        catch (DomainException e) { _error = Sentence.Of(e.Message); }
    }

    // An update arrives outside any event of this component: its errors go to the page's error boundary by hand.
    private async Task OnUpdate(JobUpdate update)
    {
        try
        {
            if (_jobs.FirstOrDefault(j => j.Id == update.JobId) is not { } job) return;
            if (update.Kind == JobUpdateKind.Progress)
            {
                (job.Status, job.Done, job.Total) = (BakeStatus.Running, Math.Max(job.Done, update.Step), update.TotalSteps);
            }
            else if (update.Kind == JobUpdateKind.Started)
            {
                job.Status = BakeStatus.Running;
            }
            else
            {
                // The stored job is the truth for the result: read it back.
                if (_subscriptions.Remove(job.Id, out var subscription)) subscription.Dispose();
                await Reload();
            }
            StateHasChanged();
        }
        catch (Exception e) { await DispatchExceptionAsync(e); }
    }

    public void Dispose()
    {
        foreach (var s in _subscriptions.Values) s.Dispose();
        _subscriptions.Clear();
    }
}
