using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Arena.Web.Hosting;

/// <summary>
/// The data-protection key ring (it signs sign-in cookies, antiforgery tokens and circuit state) kept in the
/// platform's PostgreSQL, so every web replica reads the same keys and a restart keeps everyone signed in. ASP.NET's
/// default keeps them in the process's home folder: one ring per container, lost with it.
/// </summary>
/// <remarks>The keys are stored as the key manager writes them, unencrypted: the database is already the platform's
/// trust boundary (it holds the accounts). The key manager calls these methods synchronously, rarely (at start and
/// when a key is created, every 90 days by default).</remarks>
public sealed class KeyRingStore(IDocumentStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        // Sync over async: the interface is synchronous, and Marten 9 reads and writes asynchronously only.
        using var session = store.QuerySession();
        var keys = session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult();
        return keys.Select(k => XElement.Parse(k.Xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        // Insert, not Store: a key is written once, and two replicas creating keys at once must both keep theirs.
        session.Insert(new DataProtectionKey { Id = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }

    /// <summary>Registers the ring for the app "Arena" (the name is part of every protected payload: all replicas must agree).</summary>
    public static IServiceCollection AddArenaKeyRing(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Arena");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new KeyRingStore(sp.GetRequiredService<IDocumentStore>())));
        return services;
    }
}
