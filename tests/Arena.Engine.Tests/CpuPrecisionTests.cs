namespace Arena.Engine.Tests;

public class CpuPrecisionTests
{
    [Fact]
    public void TheMeasurementIsTakenOncePerProcess()
    {
        // Measured once per process, so asking twice gives the same answer.
        Assert.Equal(CpuPrecision.FastBFloat16, CpuPrecision.FastBFloat16);
    }
}
