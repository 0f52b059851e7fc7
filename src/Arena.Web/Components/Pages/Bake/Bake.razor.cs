using Arena.Contracts.Bakes;
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

    /// <summary>The text fields start empty, so they start invalid: their errors wait until the field was typed in
    /// (or a bake was attempted), so a fresh form is not red before anything is typed.</summary>
    private static readonly HashSet<string> ErrorsAfterTyping = [nameof(BakeForm.Name), nameof(BakeForm.Description), nameof(BakeRecipe.Prompt)];
    private readonly HashSet<string> _touched = [];
    private bool _attempted;

    /// <summary>The errors shown on the form: all of them, less those of text fields not yet typed in.</summary>
    private IReadOnlyList<(string Field, string Message)> ShownErrors =>
        _attempted ? _errors : _errors.Where(e => !ErrorsAfterTyping.Contains(e.Field) || _touched.Contains(e.Field)).ToList();
    private string? ErrorFor(string field) => ShownErrors.Where(e => e.Field == field).Select(e => Sentence.Of(e.Message)).FirstOrDefault();
    private bool HasError(string field) => ErrorFor(field) is not null;
    /// <summary>The same error for MudBlazor's own validation pass, which otherwise clears Error/ErrorText on blur
    /// (see <see cref="BakeAdvanced"/>); read live, after the change handler has re-validated.</summary>
    private Func<T, string?> Check<T>(string field) => _ => ErrorFor(field);
    /// <summary>The speeds bakes on the chosen parent's base model reach here (read when the parent changes).</summary>
    private BakeSpeeds _speeds = BakeSpeeds.Benchmark;

    private string EstimateText
    {
        get
        {
            var s = _form.ToRecipe();
            var d = BakeEstimate.Duration(s, _speeds);
            return $"about {(d.TotalMinutes >= 1 ? $"{d.TotalMinutes:0.#} min" : $"{d.TotalSeconds:0} s")} · ~{BakeEstimate.TrainedTokens(s):N0} trained tokens · based on {_speeds.Basis}";
        }
    }

    private async Task ChooseParent(Guid? id)
    {
        _form.ParentId = id;
        Revalidate();
        await ReadSpeeds();
    }

    private async Task ReadSpeeds() =>
        _speeds = _form.ParentId is { } parent ? await Bakes.Speeds(parent, _viewer) : BakeSpeeds.Benchmark;

    protected override async Task OnInitializedAsync()
    {
        _viewer = await CurrentViewer.Get();
        var visible = await Catalog.Search(null, _viewer, 0, 200);
        var parents = visible.ToList();
        var requested = QueryIds.Parse(Parent);
        if (requested is { } id && parents.All(p => p.Id != id) && await Catalog.Find(id, _viewer) is { } parent)
            parents.Insert(0, parent);
        // Base models first (the starter leading), then the viewer's own, then everyone else's: the group is in the label.
        _parents = parents
            .OrderBy(p => ParentGroup(p))
            .ThenByDescending(p => p.Kind == ModelKind.Base && p.Name == StarterName)
            .ToList();
        if (!string.IsNullOrEmpty(Parent) && !parents.Any(p => p.Id == requested))
            _error = "The model to fork in the link was not found; choose another one.";
        // Without a ?parent= the default is a base model, never the newest model of whoever baked last.
        _form.ParentId = requested is { } wanted && parents.Any(p => p.Id == wanted)
            ? wanted
            : (_parents.FirstOrDefault(p => p.Kind == ModelKind.Base) ?? _parents.FirstOrDefault())?.Id;
        Revalidate();
        await ReadSpeeds();
    }

    private const string StarterName = "starter";

    /// <summary>0: base models, 1: the viewer's own, 2: others'.</summary>
    private int ParentGroup(ArenaModel m) => m.Kind == ModelKind.Base ? 0 : m.IsOwnedBy(_viewer) ? 1 : 2;

    /// <summary>The choice's label, saying whose it is: "starter (base)", "Pirate (yours)", "Pirate by bob".</summary>
    private string ParentText(ArenaModel m) => ParentGroup(m) switch
    {
        0 => $"{m.Name} (base)",
        1 => $"{m.Name} (yours)",
        _ => $"{m.Name} by {m.OwnerName}",
    };

    private ArenaModel? SelectedParent => _parents.FirstOrDefault(p => p.Id == _form.ParentId);

    /// <summary>One line under the field saying what baking on the chosen parent means.</summary>
    private string ParentNote => SelectedParent switch
    {
        null => "Choose the model to bake on.",
        { Kind: ModelKind.Base } => "A base model: the new model knows only the prompt you bake now.",
        var m => $"Stacking on a baked model: the new model keeps the {m.BakedPrompts.Count} prompt(s) already baked into “{m.Name}” and adds yours.",
    };

    /// <summary>Whether the Advanced panel is open: the user's choice, except that it opens when one of its settings
    /// becomes invalid (and on a bake attempt), so a disabled Bake button never points at hidden fields.</summary>
    private bool _advancedOpen;

    private void Revalidate()
    {
        var before = AdvancedErrorCount;
        _errors = _form.Validate(Limits);
        if (AdvancedErrorCount > before) _advancedOpen = true;
    }

    /// <summary>Binds an input to a form field and re-checks the form on every change.</summary>
    private EventCallback<T> Set<T>(Action<T> assign) => EventCallback.Factory.Create<T>(this, (T value) =>
    {
        assign(value);
        Revalidate();
    });

    /// <summary>Binds a text field, marking it as typed in (so its errors show) once its text changes; MudBlazor also
    /// reports the unchanged value when a field first renders, which is no typing.</summary>
    private EventCallback<string?> SetText(string field, Func<string> current, Action<string> assign) =>
        EventCallback.Factory.Create<string?>(this, (string? value) =>
        {
            value ??= string.Empty;
            if (value != current()) _touched.Add(field);
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
        _attempted = true;
        Revalidate();
        if (AdvancedErrorCount > 0) _advancedOpen = true;
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
            _error = Sentence.Of(e.Message);
        }
        finally
        {
            _submitting = false;
        }
    }
}
