using Arena.Engine.Checkpoints;
using Arena.Engine.Modules;
using Arena.Starter.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Arena.Starter.Tests.Training;

[Collection(TrainingCollection.Name)]
public class WeightAverageTests
{
    [Fact]
    public void TheMeanOfThreeStepsIsWrittenBackIntoTheWeights()
    {
        using var p = new Parameter(full(3, 1f), requires_grad: true);
        using var average = new WeightAverage([p]);
        using (no_grad()) p.fill_(2f);
        average.Add();
        using (no_grad()) p.fill_(6f);
        average.Add();
        Assert.Equal(3, average.Count);
        Assert.Equal(6f, p[0].item<float>());   // adding leaves the weights alone
        average.CopyToWeights();
        Assert.All(p.data<float>().ToArray(), x => Assert.Equal(3f, x, 5));
    }

    [Fact]
    public void TheTrainerEndsOnTheMeanOfTheStepsFromAverageFromOn()
    {
        var rng = new Random(3);
        var examples = Enumerable.Range(0, 64).Select(_ =>
        {
            var ids = Enumerable.Range(0, 12).Select(_ => rng.Next(1, 64)).ToArray();
            return new TrainingExample(ids, [false, .. Enumerable.Repeat(true, ids.Length - 1)]);
        }).ToList();
        using var model = ModelFactory.Create(MixedPrecisionTests.TinyLlama(), ScalarType.Float32, CPU);
        WeightInit.Normal(model, 0.02, seed: 1);
        var watched = model.parameters().First(p => p.dim() == 2);
        var seen = new List<Tensor>();
        // Progress is reported after each step's update: a copy of one matrix after every step.
        var trainer = new LanguageModelTrainer(model, new TrainingOptions
        {
            LearningRate = 1e-2, MaxSteps = 40, BatchSize = 8, SequenceLength = 12, WarmupSteps = 5, AverageFrom = 0.5,
        })
        { Progress = new SyncProgress(_ => seen.Add(watched.detach().clone())) };
        trainer.Train(examples);

        Assert.Equal(21, trainer.AveragedSteps);                 // steps 20..40 of 40
        using var expected = stack(seen.Skip(19).ToArray()).mean([0]);
        Assert.True(watched.sub(expected).abs().max().item<float>() < 1e-6, "the weights are the mean of the last 21 steps");
        Assert.True(watched.sub(seen[^1]).abs().max().item<float>() > 1e-4, "and not the last step's");
        foreach (var t in seen) t.Dispose();
    }

    sealed class SyncProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
