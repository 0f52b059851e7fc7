using Arena.Contracts.Bakes;
using Arena.Core.Bakes;
using Arena.Core.Models;

namespace Arena.Core.Tests.Bakes;

/// <summary>The overall progress of a job: phases weighted by their expected cost, never moving back.</summary>
public sealed class BakeCostTests
{
    static readonly BakeRecipe Recipe = new() { Prompt = "You are a pirate.", Epochs = 4 };
    static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void PhasesWeighByTheirSecondsAtTheGivenSpeeds()
    {
        var cost = BakeCost.Of(Recipe, new BakeSpeeds(1000, 500));

        Assert.Equal(BakeEstimate.SampledTokens(Recipe) / 1000, cost.SamplingSeconds, 6);
        Assert.Equal(BakeEstimate.TrainedTokens(Recipe) / 500.0, cost.TrainingSeconds, 6);
        Assert.Equal((cost.StartSeconds + cost.SamplingSeconds) / cost.TotalSeconds, cost.FractionAt("sampling", 10, 10)!.Value, 9);
        Assert.Equal((cost.StartSeconds + cost.SamplingSeconds + cost.TrainingSeconds / 2) / cost.TotalSeconds, cost.FractionAt("training", 5, 10)!.Value, 9);
        Assert.Equal(1, cost.FractionAt("done", 1, 1));
        Assert.Null(cost.FractionAt("validating", 0, 4));
    }

    [Fact]
    public void ASlowerWorkerTakesLongerAndTheRemainingTimeCoversLaterPhases()
    {
        var fast = BakeCost.Of(Recipe, BakeSpeeds.Benchmark);
        var slow = BakeCost.Of(Recipe, new BakeSpeeds(BakeSpeeds.Benchmark.SamplingTokensPerSecond / 3, BakeSpeeds.Benchmark.TrainingTokensPerSecond / 3));

        Assert.True(slow.TotalSeconds > 2.5 * fast.TotalSeconds - 3 * fast.StartSeconds);
        Assert.Equal(20 + fast.TrainingSeconds, fast.RemainingSeconds("sampling", 5, 10, phaseRemaining: 20)!.Value, 9);
        Assert.Equal(fast.SamplingSeconds / 2 + fast.TrainingSeconds, fast.RemainingSeconds("sampling", 5, 10, phaseRemaining: null)!.Value, 9);
        Assert.Equal(7, fast.RemainingSeconds("training", 5, 10, phaseRemaining: 7));
    }

    [Fact]
    public void TheJobsOverallFractionRisesAcrossPhasesAndNeverRestarts()
    {
        var job = BakeJob.Create(new BakeRequested(Guid.NewGuid(), Guid.NewGuid(), "u", Guid.NewGuid(), "m", "", Visibility.Public, Recipe, T0));
        job.Apply(new BakeStarted("w", T0));
        var seen = new List<double>();
        void Report(string phase, int step, int total, double? kl = null)
        {
            job.Apply(new BakeProgressed(phase, step, total, kl, 100, 5, null, T0));
            seen.Add(job.OverallFraction);
        }

        Report("queries", 1, 1);
        Report("sampling", 5, 10);
        Report("sampling", 10, 10);
        Report("validating", 0, 3);
        Report("training", 1, 40, 0.9);
        Report("validating", 0, 3);
        Report("training", 40, 40, 0.1);
        Report("done", 1, 1, 0.08);

        Assert.Equal(seen.Order(), seen);
        Assert.True(seen[2] > seen[1] && seen[1] > 0, string.Join(", ", seen));
        Assert.True(seen[4] > seen[2], "the first training step moves on from the end of sampling, not back to 0");
        Assert.Equal(1, seen[^1]);
        // "done" repeats the best KL as step 1 of 1: not a point of the curve.
        Assert.Equal([1, 40], job.KlCurve.Select(p => p.Step));
    }

    [Fact]
    public void CompletionKeepsTheMeasuredSpeedsAndTheMedianIgnoresOneSlowBake()
    {
        var job = BakeJob.Create(new BakeRequested(Guid.NewGuid(), Guid.NewGuid(), "u", Guid.NewGuid(), "m", "", Visibility.Public, Recipe, T0));
        job.Apply(new BakeCompleted(Guid.NewGuid(), "a", 1, 0.1, 90, 900, 800, T0));
        Assert.Equal((900.0, 800.0), (job.MeasuredSamplingTokensPerSecond!.Value, job.MeasuredTrainingTokensPerSecond!.Value));

        var median = BakeSpeeds.Median([(1000, 800), (100, 50), (1100, 900)]);
        Assert.Equal(new BakeSpeeds(1000, 800, 3), median);
        Assert.Same(BakeSpeeds.Benchmark, BakeSpeeds.Median([]));
        Assert.Contains("benchmark", BakeSpeeds.Benchmark.Basis);
    }
}
