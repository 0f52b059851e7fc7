using Arena.Worker.Hosting;
using Microsoft.Extensions.Options;

namespace Arena.Worker.Tests.Hosting;

public sealed class WorkerPathsTests
{
    static readonly WorkerPaths Paths = new(Options.Create(new WorkerOptions { ModelsPath = "/srv/models", ArtifactsPath = "/srv/artifacts" }));

    [Theory]
    [InlineData("adapters/a1", "/srv/artifacts/adapters/a1")]
    [InlineData("a1", "/srv/artifacts/a1")]
    public void RelativeArtifactPathsResolveUnderTheRoot(string relative, string expected) =>
        Assert.Equal(expected, Paths.Artifact(relative));

    [Theory]
    [InlineData("../x")]
    [InlineData("a/../../x")]
    [InlineData("a/./b")]
    [InlineData("/etc/passwd")]
    [InlineData("~/x")]
    [InlineData("")]
    [InlineData("  ")]
    public void ArtifactPathsLeavingTheRootAreRefused(string relative)
    {
        var e = Assert.Throws<InvalidRequestException>(() => Paths.Artifact(relative));
        Assert.Contains("artifact path", e.Message);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("/starter")]
    [InlineData("")]
    public void BaseModelNamesMustBePlainFolderNames(string name) =>
        Assert.Throws<InvalidRequestException>(() => Paths.BaseModel(name));

    [Fact]
    public void BaseModelResolvesUnderTheModelsRoot() => Assert.Equal("/srv/models/starter", Paths.BaseModel("starter"));
}
