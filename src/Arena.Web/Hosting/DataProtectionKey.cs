namespace Arena.Web.Hosting;

/// <summary>One data-protection key as stored in PostgreSQL: the XML the key manager writes, under its friendly name.</summary>
public sealed class DataProtectionKey
{
    public string Id { get; set; } = "";
    public string Xml { get; set; } = "";
}
