using System.Text.RegularExpressions;
using Arena.Testing;

namespace Arena.Web.Tests.Deployment;

/// <summary>docker-compose.yml carries no default secret: a deployment that forgets one must not start with a password
/// everyone can read in the repository (no Docker engine here, so the file is read as text).</summary>
public sealed class ComposeFileTests
{
    [Fact]
    public void EveryPasswordMustBeSetByTheDeployment()
    {
        var compose = File.ReadAllText(Path.Combine(RepoPaths.Root, "docker-compose.yml"));
        var uses = Regex.Matches(compose, @"\$\{(\w*PASSWORD\w*)([^}]*)\}");
        Assert.NotEmpty(uses);
        Assert.All(uses, m => Assert.StartsWith(":?", m.Groups[2].Value));
        Assert.DoesNotContain("guest", compose);
    }
}
