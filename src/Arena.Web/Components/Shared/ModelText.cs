using Arena.Core.Models;
using MudBlazor;

namespace Arena.Web.Components.Shared;

/// <summary>Short texts about a model shared by cards, pages and pickers.</summary>
public static class ModelText
{
    public static string Truncate(string? text, int max) =>
        string.IsNullOrEmpty(text) ? "" : text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    /// <summary>The recipe in one line: the first baked prompt, cut short.</summary>
    public static string RecipeSummary(ArenaModel m, int max = 140) =>
        m.BakedPrompts.Count == 0 ? "" : Truncate(m.BakedPrompts[0], max);

    public static string Label(ArenaModel m) => $"{m.Name} · {m.OwnerName}";

    public static Color KindColor(ModelKind kind) => kind switch
    {
        ModelKind.Base => Color.Default,
        ModelKind.Baked => Color.Primary,
        _ => Color.Secondary,
    };
}
