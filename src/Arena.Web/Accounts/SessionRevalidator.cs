using Arena.Core.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace Arena.Web.Accounts;

/// <summary>An open circuit keeps the user it was opened with; this checks that user's session stamp every
/// <see cref="AccountLimits.SessionCheckInterval"/>, so a circuit of a signed-out session turns anonymous too.</summary>
public sealed class SessionRevalidator(ILoggerFactory logs, IServiceScopeFactory scopes, SessionStamps stamps, IOptions<AccountLimits> limits)
    : RevalidatingServerAuthenticationStateProvider(logs)
{
    protected override TimeSpan RevalidationInterval =>
        limits.Value.SessionCheckInterval > TimeSpan.Zero ? limits.Value.SessionCheckInterval : TimeSpan.FromSeconds(30);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await stamps.IsCurrent(state.User, scope.ServiceProvider.GetRequiredService<IAccountStore>(), ct);
    }
}
