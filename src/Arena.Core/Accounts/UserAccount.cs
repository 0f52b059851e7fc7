namespace Arena.Core.Accounts;

/// <summary>A registered user (a Marten document). The password is stored only as ASP.NET Core's PasswordHasher hash.</summary>
public sealed class UserAccount
{
    public Guid Id { get; set; }
    public required string UserName { get; set; }
    /// <summary>Upper-invariant user name: unique index, case-insensitive sign-in.</summary>
    public required string NormalizedUserName { get; set; }
    public required string PasswordHash { get; set; }
    public DateTimeOffset Created { get; set; }
    /// <summary>Random value carried in every sign-in cookie; a cookie whose stamp differs is refused. Renewed on
    /// sign-out, so a cookie captured before it stops working. Empty on accounts made before stamps existed (renewed
    /// at their next sign-in).</summary>
    public string SecurityStamp { get; set; } = "";

    public static string NewSecurityStamp() => Guid.NewGuid().ToString("N");
}
