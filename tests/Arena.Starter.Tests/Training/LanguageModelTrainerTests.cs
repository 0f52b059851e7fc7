using Arena.Engine.Checkpoints;
using Arena.Engine.Modules;
using Arena.Starter.Training;
using static TorchSharp.torch;

namespace Arena.Starter.Tests.Training;

[Collection(TrainingCollection.Name)]
public class LanguageModelTrainerTests
{
    [Fact]
    public void HeadOnlyAtKeptPositionsGivesTheSameLossAndGradientsAsTheFullHead()
    {
        using var model = ModelFactory.Create(MixedPrecisionTests.TinyLlama(), ScalarType.Float32, CPU);
        WeightInit.Normal(model, 0.02, seed: 1);
        foreach (var p in model.parameters()) p.requires_grad_(true);
        var v = model.Config.VocabSize;
        using var ids = randint(v, [3, 9], generator: new Generator(5), dtype: ScalarType.Int64);
        using var keep = rand([3, 9], generator: new Generator(6)).gt(0.5);
        keep[0, 0] = tensor(true);  // at least one kept position

        var full = LanguageModelTrainer.MaskedCrossEntropy(model.Forward(ids), ids, keep);
        full.backward();
        var fullGrads = model.parameters().Select(p => p.grad!.clone()).ToList();
        foreach (var p in model.parameters()) p.grad!.zero_();

        var gathered = LanguageModelTrainer.HeadCrossEntropy(model, model.Hidden(ids), ids, keep);
        gathered.backward();
        Assert.Equal(full.item<float>(), gathered.item<float>(), 5);
        foreach (var (a, p) in fullGrads.Zip(model.parameters()))
            Assert.True(a.sub(p.grad!).abs().max().item<float>() < 1e-5);
        foreach (var p in model.parameters()) p.requires_grad_(false);
    }
}
