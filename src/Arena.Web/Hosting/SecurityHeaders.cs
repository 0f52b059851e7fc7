namespace Arena.Web.Hosting;

/// <summary>
/// The headers every answer carries (pages, API, errors, static files): no MIME sniffing, no referrer beyond the origin,
/// no framing, a content security policy Blazor Server works under, and HSTS when served over HTTPS.
/// </summary>
/// <remarks>Blazor Server needs scripts from 'self' (blazor.web.js, MudBlazor.min.js; no inline script, so App has no
/// import map), its SignalR connection (connect-src 'self' plus ws:/wss: for the websocket) and inline styles, which
/// MudBlazor writes as style attributes. Set when the response starts, so error and status-code pages that clear the
/// headers still get them.</remarks>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            if (http.Request.IsHttps) headers.StrictTransportSecurity = StrictTransportSecurity;
            headers.Remove("Server");
            return Task.CompletedTask;
        });
        return next(http);
    });
}
