using Arena.Core;
using Arena.Core.Bakes;
using Arena.Core.Models;
using Arena.Web.Accounts;
using Arena.Web.Components.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Arena.Web.Components.Pages.Bake;

[Authorize]
[Route("/bake")]
public partial class Bake
{
    [Inject] private IModelCatalog Catalog { get; set; } = default!;
    [Inject] private IBakeService Bakes { get; set; } = default!;
    [Inject] private CurrentViewer CurrentViewer { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IOptions<BakeLimits> LimitsOptions { get; set; } = default!;

    /// <summary>The model to fork (from "Fork &amp; bake").</summary>
    /// <remarks>Text, parsed here: a link whose id is not a GUID is "not found", never an error.</remarks>
    [SupplyParameterFromQuery(Name = "parent")] public string? Parent { get; set; }

    private readonly BakeForm _form = new();
    private IReadOnlyList<ArenaModel> _parents = [];
    private IReadOnlyList<(string Field, string Message)> _errors = [];
    private Viewer _viewer = Viewer.Anonymous;
    private string? _error;
    private bool _submitting;

    private BakeLimits Limits => LimitsOptions.Value;
    private bool IsValid => _errors.Count == 0;
    private string? ErrorFor(string field) => _errors.Where(e => e.Field == field).Select(e => e.Message).FirstOrDefault();
    private bool HasError(string field) => ErrorFor(field) is not null;
    private string EstimateText
    {
        get
        {
            var s = _form.ToRecipe();
            var d = BakeEstimate.Duration(s);
            return $"about {(d.TotalMinutes >= 1 ? $"{d.TotalMinutes:0.#} min" : $"{d.TotalSeconds:0} s")} on a 2-core CPU · ~{BakeEstimate.TrainedTokens(s):N0} trained tokens";
        }
    }

    protected override async Task OnInitializedAsync()
    {
        _viewer = await CurrentViewer.Get();
        var visible = await Catalog.Search(null, _viewer, 0, 200);
        var parents = visible.ToList();
        var requested = QueryIds.Parse(Parent);
        if (requested is { } id && parents.All(p => p.Id != id) && await Catalog.Find(id, _viewer) is { } parent)
            parents.Insert(0, parent);
        _parents = parents;
        if (!string.IsNullOrEmpty(Parent) && !parents.Any(p => p.Id == requested))
            _error = "The model to fork in the link was not found; choose another one.";
        _form.ParentId = requested is { } wanted && parents.Any(p => p.Id == wanted) ? wanted : parents.FirstOrDefault()?.Id;
        Revalidate();
    }

    private void Revalidate() => _errors = _form.Validate(Limits);

    /// <summary>Binds an input to a form field and re-checks the form on every change.</summary>
    private EventCallback<T> Set<T>(Action<T> assign) => EventCallback.Factory.Create<T>(this, (T value) =>
    {
        assign(value);
        Revalidate();
    });

    private void ChoosePreset(string preset)
    {
        _form.ChoosePreset(preset);
        Revalidate();
    }

    private async Task Submit()
    {
        Revalidate();
        if (!IsValid || _submitting) return;
        _submitting = true;
        _error = null;
        try
        {
            var jobId = await Bakes.Request(_form.ToRequest(), _viewer);
            Navigation.NavigateTo($"/jobs/{jobId}");
        }
        catch (DomainException e)
        {
            _error = e.Message;
        }
        finally
        {
            _submitting = false;
        }
    }
}
