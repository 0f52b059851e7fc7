using Arena.Engine.Baking;
using static TorchSharp.torch;

namespace Arena.Engine.Tests.Baking;

public class KlDivergenceTests
{
    static Tensor RandomLogp(long seed, int n = 6, int v = 50) =>
        randn([n, v], generator: new Generator((ulong)seed)).mul(3).log_softmax(-1);

    [Fact]
    public void KlOfIdenticalDistributionsIsZero()
    {
        using var p = RandomLogp(1);
        using var kl = KlDivergence.Full(p, p);
        Assert.True(kl.abs().max().item<float>() < 1e-6);
    }

    [Fact]
    public void KlIsPositiveForDifferentDistributions()
    {
        using var p = RandomLogp(1);
        using var q = RandomLogp(2);
        using var kl = KlDivergence.Full(p, q);
        Assert.True(kl.min().item<float>() > 0);
    }

    [Fact]
    public void FullKlMatchesTorchKlDiv()
    {
        using var p = RandomLogp(1);
        using var q = RandomLogp(2);
        using var ours = KlDivergence.Full(p, q).sum();
        using var torchKl = nn.functional.kl_div(q, p, log_target: true, reduction: nn.Reduction.Sum);
        Assert.Equal(torchKl.item<float>(), ours.item<float>(), 3);
    }

    [Fact]
    public void TopKModeEqualsFullModeWhenKIsTheVocabularySize()
    {
        using var teacherLogits = randn([6, 50], generator: new Generator(3)).mul(3);
        using var student = RandomLogp(4);
        var (values, ids) = teacherLogits.topk(50);
        using var topk = KlDivergence.TopK(ids, values.log_softmax(-1), student);
        using var full = KlDivergence.Full(teacherLogits.log_softmax(-1), student);
        Assert.True(topk.sub(full).abs().max().item<float>() < 1e-5);
    }

    [Fact]
    public void TopKModeIgnoresTheTeachersTail()
    {
        using var teacherLogits = randn([6, 50], generator: new Generator(3)).mul(3);
        using var student = RandomLogp(4);
        var (values, ids) = teacherLogits.topk(5);
        using var kl = KlDivergence.TopK(ids, values.log_softmax(-1), student);
        Assert.Equal([6L], kl.shape);
        Assert.True(kl.isfinite().all().item<bool>());
    }
}
