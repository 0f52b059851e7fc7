using Arena.Web.Components.Shared;
using Arena.Core;
using Arena.Core.Models;
using Arena.Web.Accounts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Arena.Web.Components.Pages.Models;

/// <summary>One model: chat with it, its recipe and lineage, fork, download, delete (owner), half-bake or amplify
/// variants. What the viewer may see is decided by the catalog.</summary>
public sealed partial class ModelPage
{
    [Inject] private IModelCatalog Catalog { get; set; } = default!;
    [Inject] private CurrentViewer CurrentViewer { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Parameter] public Guid Id { get; set; }

    private ArenaModel? _model;
    private bool _loaded;
    private Viewer _viewer = Viewer.Anonymous;
    private IReadOnlyList<ArenaModel> _ancestors = [];
    private List<BreadcrumbItem> _chain = [];
    private LineageNode? _lineage;
    private double _strength = 0.5;
    private string? _variantName;
    private string? _error;
    private bool _busy;

    protected override async Task OnParametersSetAsync()
    {
        _loaded = false;
        _viewer = await CurrentViewer.Get();
        _model = await Catalog.Find(Id, _viewer);
        if (_model is not null)
        {
            _ancestors = await Catalog.Ancestors(Id, _viewer);
            _chain = [.. _ancestors.Select(a => new BreadcrumbItem(a.Name, $"/models/{a.Id}")), new BreadcrumbItem(_model.Name, null, disabled: true)];
            _lineage = await Catalog.Lineage(Id, _viewer);
        }
        _loaded = true;
    }

    private async Task CreateVariant()
    {
        _busy = true;
        try
        {
            var name = string.IsNullOrWhiteSpace(_variantName) ? null : _variantName.Trim();
            var variant = await Catalog.CreateVariant(Id, _strength, name, _viewer);
            Navigation.NavigateTo($"/models/{variant.Id}");
        }
        catch (DomainException e) { _error = Sentence.Of(e.Message); }
        finally { _busy = false; }
    }

    private async Task Delete()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete model",
            $"Delete “{_model?.Name}”? Models forked from it keep working.", yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true) return;
        try
        {
            await Catalog.Delete(Id, _viewer);
            Navigation.NavigateTo("/models");
        }
        catch (DomainException e) { _error = Sentence.Of(e.Message); }
    }
}
