using Arena.Core.Battles;
using Arena.Web.Accounts;
using Microsoft.Extensions.Options;

namespace Arena.Web.Battles;

/// <summary>
/// Who is judging in this circuit: the viewer, the judge key and the hashed client address. An anonymous judge is
/// known by a token made once per circuit (scoped), so only the tab that started a battle can vote on it.
/// </summary>
/// <remarks>The address comes from IHttpContextAccessor: in a circuit that is the request that opened the
/// connection, which is what we want (behind a proxy, configure forwarded headers).</remarks>
public sealed class JudgeContext(CurrentViewer viewer, IHttpContextAccessor http, IOptions<BattleWebOptions> options)
{
    private readonly string _anonymousToken = "c" + Guid.NewGuid().ToString("N");

    public async Task<Judge> Get()
    {
        var v = await viewer.Get();
        return new Judge(v, JudgeKeys.For(v, _anonymousToken), AddressHash(http.HttpContext, options.Value));
    }

    /// <summary>The judge of an API request: the signed-in user, or an anonymous judge known by its address (a
    /// battle started anonymously in a browser tab belongs to that tab, not to its address).</summary>
    public static Judge Of(HttpContext request, BattleWebOptions options)
    {
        var viewer = ViewerClaims.From(request.User);
        var ipHash = AddressHash(request, options);
        return new Judge(viewer, JudgeKeys.For(viewer, "ip" + ipHash), ipHash);
    }

    /// <summary>The salted hash every per-address limit and record uses (battles, chat streams, sign-in throttling).</summary>
    public static string AddressHash(HttpContext? context, BattleWebOptions options) =>
        JudgeKeys.HashAddress(context?.Connection.RemoteIpAddress?.ToString(), options.AddressSalt);
}
