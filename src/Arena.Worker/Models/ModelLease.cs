namespace Arena.Worker.Models;

/// <summary>Exclusive use of a cached model until disposed.</summary>
public sealed class ModelLease(LoadedModel model, Action release) : IDisposable
{
    int released;

    public LoadedModel Model { get; } = model;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref released, 1) == 0) release();
    }
}
