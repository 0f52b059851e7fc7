using Arena.Engine.Checkpoints;
using Arena.Engine.Modules;
using Arena.Starter.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Arena.Starter.Tests.Training;

[Collection(TrainingCollection.Name)]
public class MuonTests
{
    [Theory]
    [InlineData(48, 128)]
    [InlineData(128, 48)]
    public void NewtonSchulzBringsEverySingularValueNearOne(int rows, int cols)
    {
        using var scope = NewDisposeScope();
        manual_seed(4);
        // A badly conditioned matrix (its columns scaled over an order of magnitude), as gradients are. Five iterations
        // lift a singular value by at most ~450×, so far smaller ones than this would stay small, by design.
        var g = randn(rows, cols).matmul(diag(logspace(0, -1, cols))).mul(7);
        var x = Muon.Orthogonalize(g);
        Assert.Equal(new long[] { rows, cols }, x.shape);
        var s = linalg.svdvals(x);
        // The quintic iteration trades exactness for speed: singular values land in ~[0.7, 1.2], never near 0 or 7.
        Assert.InRange(s.max().item<float>(), 0.6f, 1.3f);
        Assert.InRange(s.min().item<float>(), 0.5f, 1.3f);
        // And it keeps the directions: the result is close to U·Vᵀ of the exact SVD.
        var (u, _, vh) = linalg.svd(g, fullMatrices: false);
        var cosine = x.mul(u.matmul(vh)).sum().item<float>() / (x.norm().item<float>() * u.matmul(vh).norm().item<float>());
        Assert.True(cosine > 0.95, $"cosine to U·Vᵀ {cosine}");
    }

    [Fact]
    public void MuonRefusesAVector()
    {
        using var v = new Parameter(zeros(8), requires_grad: true);
        Assert.Throws<ArgumentException>(() => new Muon([v]));
    }

    [Fact]
    public void TheTrainerWithMuonLearnsAndLeavesEmbeddingsToAdamW()
    {
        var examples = MixedPrecisionTests.RuleExamples();
        using var model = ModelFactory.Create(MixedPrecisionTests.TinyLlama(), ScalarType.Float32, CPU);
        WeightInit.Normal(model, 0.02, seed: 1);
        var before = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());
        var loss = new LanguageModelTrainer(model, new TrainingOptions
        {
            LearningRate = 1e-2, MuonLearningRate = 0.02, MaxSteps = 120, BatchSize = 16, SequenceLength = 24, WarmupSteps = 10,
        }).Train(examples);
        Assert.True(loss < 0.5, $"loss {loss}");                       // from ln 64 ≈ 4.2
        // Every parameter moved: the matrices under Muon, the embedding and norms under AdamW.
        Assert.All(model.named_parameters(), p =>
            Assert.True(p.parameter.sub(before[p.name]).abs().max().item<float>() > 1e-4, $"{p.name} did not train"));
        foreach (var t in before.Values) t.Dispose();
    }
}
