using Arena.Engine;
namespace Arena.Worker.Models;

/// <summary>Exclusive use of a cached model until disposed.</summary>
public sealed class ModelLease(ModelStack model, Action release) : IDisposable
{
    int released;

    public ModelStack Model { get; } = model;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref released, 1) == 0) release();
    }
}
