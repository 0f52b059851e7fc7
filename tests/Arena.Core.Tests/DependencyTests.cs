using Arena.Core.Ratings;

namespace Arena.Core.Tests;

public sealed class DependencyTests
{
    [Fact]
    public void ArenaCoreDependsOnNeitherTheEngineNorTorchSharp()
    {
        // The web app rates battles with Arena.Core; pulling the engine in would drag libtorch along. The contracts
        // (plain records: messages and the bake recipe) are the one project it reads.
        var references = typeof(Leaderboard).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();
        Assert.DoesNotContain(references, n => (n.StartsWith("Arena.", StringComparison.Ordinal) && n != "Arena.Contracts") || n.Contains("Torch", StringComparison.OrdinalIgnoreCase));
    }
}
