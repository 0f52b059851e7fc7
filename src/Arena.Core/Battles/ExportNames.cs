using Arena.Core.Models;

namespace Arena.Core.Battles;

/// <summary>Names for the clean-battle export and the ratings input: the model's name, or "name #1a2b3c4d" when two
/// models share a name (names are not unique, and the format identifies models by name alone).</summary>
public static class ExportNames
{
    public static Dictionary<Guid, string> For(IEnumerable<ArenaModel> models)
    {
        var list = models.ToList();
        var clashing = list.GroupBy(m => m.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        return list.ToDictionary(m => m.Id, m => clashing.Contains(m.Name) ? $"{m.Name} #{m.Id.ToString("N")[..8]}" : m.Name);
    }
}
