using System.Reflection;

namespace Arena.Engine;

/// <summary>The engine's build ("1.0.0+commit"), stored with every score and bake it measures.</summary>
public static class EngineVersion
{
    public static string Current { get; } =
        typeof(EngineVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
