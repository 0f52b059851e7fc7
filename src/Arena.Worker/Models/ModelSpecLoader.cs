using Arena.Contracts.Models;
using Arena.Engine;
using Arena.Worker.Hosting;

namespace Arena.Worker.Models;

/// <summary>Builds the engine's <see cref="ModelStack"/> for a spec: the base checkpoint by name from the worker's models
/// root, each adapter from the artifact store, named in reports and errors by its store path.</summary>
public sealed class ModelSpecLoader(WorkerPaths paths, TorchSettings torch)
{
    public ModelStack Load(ModelSpec spec)
    {
        var baseDir = paths.BaseModel(spec.BaseModel);
        if (!Directory.Exists(baseDir)) throw new InvalidRequestException($"base model '{spec.BaseModel}' not found on worker");
        var layers = spec.Adapters.Select(a => new StackLayer(paths.Artifact(a.Path), a.Strength, a.Path)).ToList();
        return ModelStack.Load(baseDir, spec.BaseModel, layers, torch.DType, torch.Device);
    }
}
