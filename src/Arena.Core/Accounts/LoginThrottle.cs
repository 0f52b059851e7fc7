using JasperFx;
using Arena.Core.Storage;
using Marten;
using Microsoft.Extensions.Options;

namespace Arena.Core.Accounts;

/// <summary>
/// Limits sign-in attempts per user name and per client address (<see cref="AccountLimits"/>), in PostgreSQL so all
/// replicas share the count. Names are throttled whether or not they exist, so a lockout says nothing about which do.
/// </summary>
/// <remarks>Writes use optimistic concurrency and retry: two replicas counting the same key both count.</remarks>
public sealed class LoginThrottle(IDocumentStore store, IOptions<AccountLimits> options, TimeProvider time)
{
    private AccountLimits Limits => options.Value;

    public static string NameKey(string userName) => "name:" + AccountStore.Normalize(userName);
    public static string AddressKey(string addressHash) => "addr:" + addressHash;

    /// <summary>Counts an attempt by <paramref name="userName"/> (null: a name no account can have, counted only
    /// against the address) from the address; or, when either is locked, counts nothing and says how long to wait.</summary>
    public async Task<TimeSpan?> Begin(string? userName, string addressHash, CancellationToken ct = default)
    {
        var keys = Keys(userName, addressHash);
        return await store.Run<TimeSpan?>(async session =>
        {
            var now = time.GetUtcNow();
            var found = (await session.LoadManyAsync<LoginAttempts>(ct, keys.Select(k => k.Key).ToArray())).ToDictionary(a => a.Id);
            var locked = found.Values.Where(a => a.IsLocked(now)).Select(a => a.LockedUntil!.Value).DefaultIfEmpty().Max();
            if (locked > now) return locked - now;   // nothing changed: the save writes nothing
            foreach (var (key, limit) in keys)
            {
                if (found.TryGetValue(key, out var existing))
                {
                    existing.TryBegin(limit, Limits, now);
                    session.Update(existing);
                }
                else
                {
                    var created = new LoginAttempts { Id = key };
                    created.TryBegin(limit, Limits, now);
                    session.Insert(created);
                }
            }
            return null;
        }, ct, what: "sign-in attempts");
    }

    /// <summary>The attempt succeeded: the name starts again from zero; the address gets this attempt back (its other
    /// failures stand, so an attacker cannot clear them by signing in to an account of their own).</summary>
    public async Task Succeeded(string userName, string addressHash, CancellationToken ct = default)
    {
        await store.Run(async session =>
        {
            session.Delete<LoginAttempts>(NameKey(userName));
            if (await session.LoadAsync<LoginAttempts>(AddressKey(addressHash), ct) is { } address)
            {
                address.GiveBack(Limits.FailuresPerAddress);
                session.Update(address);
            }
            return true;
        }, ct, what: "sign-in attempts");
    }

    private List<(string Key, int Limit)> Keys(string? userName, string addressHash)
    {
        var keys = new List<(string, int)> { (AddressKey(addressHash), Limits.FailuresPerAddress) };
        if (userName is not null) keys.Add((NameKey(userName), Limits.FailuresPerName));
        return keys;
    }
}
