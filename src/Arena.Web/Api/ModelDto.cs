using Arena.Core.Models;

namespace Arena.Web.Api;

/// <summary>A model as the HTTP API shows it (no internal fields such as the adapters' storage paths).</summary>
public sealed record ModelDto(Guid Id, string Name, string Description, string Owner, string Kind, string Visibility,
    string BaseModel, Guid? ParentId, IReadOnlyList<string> BakedPrompts, int Adapters, double? Strength,
    double? KlBefore, double? KlAfter, DateTimeOffset Created)
{
    public static ModelDto From(ArenaModel m) => new(m.Id, m.Name, m.Description, m.OwnerName, m.Kind.ToString(),
        m.Visibility.ToString(), m.BaseModel, m.ParentId, m.BakedPrompts, m.Adapters.Count,
        m.Adapters.Count > 0 ? m.Adapters[^1].Strength : null, m.Recipe?.KlBefore, m.Recipe?.KlAfter, m.Created);
}
