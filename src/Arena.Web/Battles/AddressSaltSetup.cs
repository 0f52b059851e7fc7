using System.Security.Cryptography;
using Marten;
using JasperFx;
using Microsoft.Extensions.Options;

namespace Arena.Web.Battles;

/// <summary>
/// Gives <see cref="BattleWebOptions.AddressSalt"/>, when configuration leaves it empty, this installation's own salt:
/// random, made on first start and kept in PostgreSQL, so every replica hashes addresses alike and nobody can reverse
/// the stored hashes by trying every IPv4 address with a salt published in the repository (as the old default was).
/// </summary>
public sealed class AddressSaltSetup(IDocumentStore store) : IPostConfigureOptions<BattleWebOptions>
{
    public const string SecretId = "address-salt";

    public void PostConfigure(string? name, BattleWebOptions options)
    {
        if (!string.IsNullOrEmpty(options.AddressSalt)) return;
        // Options are built synchronously, once per process; Marten 9 only reads and writes asynchronously.
        options.AddressSalt = LoadOrCreate().GetAwaiter().GetResult();
    }

    async Task<string> LoadOrCreate()
    {
        if (await Load() is { } existing) return existing;
        await using var session = store.LightweightSession();
        var made = new InstallationSecret { Id = SecretId, Value = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)) };
        session.Insert(made);
        try
        {
            await session.SaveChangesAsync();
            return made.Value;
        }
        catch (DocumentAlreadyExistsException)
        {
            // Another replica made it first: use theirs.
            return await Load() ?? throw new InvalidOperationException("the address salt was made by another replica but cannot be read");
        }
    }

    async Task<string?> Load()
    {
        await using var session = store.QuerySession();
        return (await session.LoadAsync<InstallationSecret>(SecretId))?.Value;
    }
}
