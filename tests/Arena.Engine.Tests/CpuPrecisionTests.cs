using static TorchSharp.torch;

namespace Arena.Engine.Tests;

public class CpuPrecisionTests
{
    [Fact]
    public void TheTrainingDTypeIsBf16ExactlyWhereBf16IsTheFasterOne()
    {
        // Measured once per process, so asking twice gives the same answer.
        Assert.Equal(CpuPrecision.FastBFloat16, CpuPrecision.FastBFloat16);
        Assert.Equal(CpuPrecision.FastBFloat16 ? ScalarType.BFloat16 : ScalarType.Float32, CpuPrecision.TrainingDType);
    }
}
