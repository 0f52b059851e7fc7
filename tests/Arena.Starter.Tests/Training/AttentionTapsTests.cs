using Arena.Engine.Checkpoints;
using Arena.Engine.Modules;
using Arena.Starter.Training;
using static TorchSharp.torch;

namespace Arena.Starter.Tests.Training;

public class AttentionTapsTests
{
    [Fact]
    public void TapsWatchOnlyTheirLayersWhileAttachedAndLeaveTheModelAsTheyFoundIt()
    {
        using var model = ModelFactory.Create(MixedPrecisionTests.TinyLlama(), ScalarType.Float32, CPU);
        WeightInit.Normal(model, 0.02, seed: 1);
        var layers = model.named_modules().Select(m => m.module).OfType<LlamaAttention>().ToList();
        using var ids = tensor(new long[] { 5, 7, 5, 9 }, [1, 4]);
        using var _ = no_grad();
        using var plain = model.Hidden(ids);
        using (var taps = new AttentionTaps(model, [(1, 0)]))
        {
            Assert.Null(layers[0].Observer);
            Assert.Same(taps, layers[1].Observer);
            using var tapped = model.Hidden(ids);
            Assert.True(tapped.sub(plain).abs().max().item<float>() == 0, "observing changes nothing");
            Assert.Equal([1L, 4, 4], taps[1, 0].shape);
            Assert.Throws<InvalidOperationException>(() => taps[0, 0]);
            Assert.Throws<InvalidOperationException>(() => new AttentionTaps(model, [(1, 1)]));
        }
        Assert.All(layers, a => Assert.Null(a.Observer));
    }
}
