using Arena.Evaluation.Suites;

namespace Arena.Evaluation.Tests;

public sealed class DependencyTests
{
    [Fact]
    public void TheEvaluatorDependsOnlyOnTheContracts()
    {
        // The CLI, the worker, the web app and Arena.Core all read the evaluator: it must carry no engine (libtorch),
        // web, bus or database along, only the message shapes of the report card.
        var references = typeof(SuiteReader).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();
        Assert.DoesNotContain(references, n => n.StartsWith("Arena.", StringComparison.Ordinal) && n != "Arena.Contracts");
        Assert.DoesNotContain(references, n => n.Contains("Torch") || n.Contains("Marten") || n.Contains("MassTransit") || n.Contains("AspNetCore"));
    }
}
