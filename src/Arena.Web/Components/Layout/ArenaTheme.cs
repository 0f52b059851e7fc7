using MudBlazor;

namespace Arena.Web.Components.Layout;

public static class ArenaTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#5b3cc4",
            Secondary = "#e0652b",
            AppbarBackground = "#2d1d6b",
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "220px" },
    };
}
