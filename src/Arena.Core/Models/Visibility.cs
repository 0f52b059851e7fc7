namespace Arena.Core.Models;

/// <summary>Public: listed and battled. Unlisted: anyone with the link. Private: the owner only.
/// Ordered from the most open to the most restrictive (see <see cref="Visibilities"/>).</summary>
public enum Visibility { Public, Unlisted, Private }

/// <summary>The visibility rules of a lineage (docs/web.md, "Visibility and lineage"), in one place.</summary>
public static class Visibilities
{
    /// <summary>Private &lt; Unlisted &lt; Public: the more restrictive of the two.</summary>
    public static Visibility MostRestrictive(Visibility a, Visibility b) => (Visibility)Math.Max((int)a, (int)b);

    /// <summary>At least as visible as <paramref name="other"/>.</summary>
    public static bool IsAtLeastAsOpenAs(this Visibility v, Visibility other) => (int)v <= (int)other;
}
