namespace Arena.Web.Battles;

/// <summary>A secret this installation made for itself on first start and keeps in PostgreSQL (one document a secret).</summary>
public sealed class InstallationSecret
{
    public string Id { get; set; } = "";
    public string Value { get; set; } = "";
}
