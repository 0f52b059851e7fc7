using Arena.Core.Ratings;

namespace Arena.Core.Tests;

public sealed class DependencyTests
{
    [Fact]
    public void ArenaCoreDependsOnNeitherTheEngineNorTorchSharp()
    {
        // The web app rates battles with Arena.Core; pulling the engine in would drag libtorch along. The contracts
        // (plain records: messages and the bake recipe) and the evaluator (plain C#: suite names and conditions are
        // checked where a run is requested) are the projects it reads.
        string[] allowed = ["Arena.Contracts", "Arena.Evaluation"];
        var references = typeof(Leaderboard).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();
        Assert.DoesNotContain(references, n => (n.StartsWith("Arena.", StringComparison.Ordinal) && !allowed.Contains(n)) || n.Contains("Torch", StringComparison.OrdinalIgnoreCase));
    }
}
