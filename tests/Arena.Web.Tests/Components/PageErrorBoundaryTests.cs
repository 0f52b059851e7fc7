using System.Net.Sockets;
using Arena.Web.Components.Shared;
using Bunit;
using Microsoft.AspNetCore.Components;
using Npgsql;

namespace Arena.Web.Tests.Components;

/// <summary>What a page's failure looks like: a message in place of the page, not an ended circuit.</summary>
public sealed class PageErrorBoundaryTests : ComponentTest
{
    [Fact]
    public void ABugShowsAMessageAndTryAgainRendersThePageAnew()
    {
        Flaky.Failure = new InvalidOperationException("a bug");
        var cut = Context.Render<PageErrorBoundary>(p => p.AddChildContent<Flaky>());

        var error = cut.WaitForElement("[data-testid=page-error]");
        Assert.Equal("error", error.GetAttribute("data-kind"));
        Assert.Contains("Something went wrong", error.TextContent);
        Assert.DoesNotContain("a bug", cut.Markup);  // the exception's text is logged, not shown

        Flaky.Failure = null;
        cut.Find("[data-testid=page-error-retry] button, button[data-testid=page-error-retry]").Click();
        cut.WaitForAssertion(() => Assert.Equal("loaded", cut.Find("#flaky").TextContent));
    }

    [Fact]
    public void AnUnreachableDatabaseIsNamedAsSuch()
    {
        Flaky.Failure = new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused));
        var cut = Context.Render<PageErrorBoundary>(p => p.AddChildContent<Flaky>());

        var error = cut.WaitForElement("[data-testid=page-error]");
        Assert.Equal("outage", error.GetAttribute("data-kind"));
        Assert.Contains("cannot reach its database", error.TextContent);
    }

    /// <summary>A page whose loading fails with <see cref="Failure"/> while it is set.</summary>
    public sealed class Flaky : ComponentBase
    {
        public static Exception? Failure;

        protected override async Task OnInitializedAsync()
        {
            await Task.Yield();
            if (Failure is { } e) throw e;
        }

        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder b)
        {
            b.OpenElement(0, "span");
            b.AddAttribute(1, "id", "flaky");
            b.AddContent(2, "loaded");
            b.CloseElement();
        }
    }
}
