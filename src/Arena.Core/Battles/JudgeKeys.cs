using System.Security.Cryptography;
using System.Text;

namespace Arena.Core.Battles;

/// <summary>
/// Who judges a battle. Signed-in: "user:{id}" (stable across devices). Anonymous: "anon:{token}", where the web
/// supplies a token it can recognise again (a per-circuit id, or the hashed address for the API) — weaker, hence
/// the tighter limits for anonymous judges.
/// </summary>
public static class JudgeKeys
{
    public static string For(Viewer viewer, string anonymousToken) =>
        viewer.UserId is { } id ? $"user:{id:N}" : $"anon:{anonymousToken}";

    public static bool IsAnonymous(string judgeKey) => judgeKey.StartsWith("anon:", StringComparison.Ordinal);

    /// <summary>A salted SHA-256 of a client address: enough to group abuse by address without storing it.</summary>
    public static string HashAddress(string? address, string salt) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(salt + "|" + (address ?? "unknown"))))[..16];
}
