using Arena.Core.Models;

namespace Arena.Web.Api;

/// <summary>A model as the HTTP API shows it (no internal fields such as the adapters' storage paths). It is made from the
/// catalog's copy for the viewer: <see cref="BakedPrompts"/> holds only the prompts they may see, and
/// <see cref="PromptsWithheld"/> counts the others (baked by ancestors hidden from them). <see cref="House"/>: a house
/// model, seeded by the installation. <see cref="Fidelity"/> and <see cref="ReportVerdict"/> come from the bake's report
/// card (null without one; the whole card is at /api/models/{id}/report-card).</summary>
public sealed record ModelDto(Guid Id, string Name, string Description, string Owner, string Kind, string Visibility,
    string BaseModel, Guid? ParentId, IReadOnlyList<string> BakedPrompts, int Adapters, double? Strength,
    double? KlBefore, double? KlAfter, DateTimeOffset Created, int PromptsWithheld, bool House, double? Fidelity = null, string? ReportVerdict = null)
{
    public static ModelDto From(ArenaModel m) => new(m.Id, m.Name, m.Description, m.OwnerName, m.Kind.ToString(),
        m.Visibility.ToString(), m.BaseModel, m.ParentId, m.BakedPrompts, m.Adapters.Count,
        m.Adapters.Count > 0 ? m.Adapters[^1].Strength : null, m.Recipe?.KlBefore, m.Recipe?.KlAfter, m.Created, m.PromptsWithheld, m.House,
        m.Recipe?.ReportCard?.Fidelity, m.Recipe?.ReportCard?.Verdict);
}
