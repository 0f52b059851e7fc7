using System.Globalization;
using Arena.Contracts.Models;
using Arena.Engine;
using Arena.Engine.Checkpoints;
using Arena.Engine.Lora;
using Arena.Worker.Hosting;

namespace Arena.Worker.Models;

/// <summary>Builds a <see cref="LoadedModel"/> from a spec: the base checkpoint, then each adapter attached in order.</summary>
public sealed class ModelSpecLoader(WorkerPaths paths, TorchSettings torch)
{
    /// <summary>Strengths beyond this are almost surely a mistake (the CLI uses the same bound).</summary>
    const double MaxStrength = 10;

    public LoadedModel Load(ModelSpec spec)
    {
        var baseDir = paths.BaseModel(spec.BaseModel);
        if (!Directory.Exists(baseDir)) throw new InvalidRequestException($"base model '{spec.BaseModel}' not found on worker");
        // Check every adapter reference before paying for the base load.
        var adapterDirs = spec.Adapters.Select(a =>
        {
            if (!double.IsFinite(a.Strength) || Math.Abs(a.Strength) > MaxStrength)
                throw new InvalidRequestException($"adapter strength must be in -{MaxStrength}..{MaxStrength}, got {a.Strength}");
            return paths.Artifact(a.Path);
        }).ToList();

        var language = LanguageModel.Load(baseDir, torch.DType, torch.Device);
        var adapters = new List<LoraAdapter>();
        try
        {
            for (int i = 0; i < adapterDirs.Count; i++)
            {
                var adapter = LoadAdapter(adapterDirs[i], spec.Adapters[i].Path, i);
                adapters.Add(adapter);
                language.Model.Attach(adapter, spec.Adapters[i].Strength, source: spec.Adapters[i].Path);
            }
        }
        catch
        {
            language.Dispose();
            foreach (var a in adapters) a.Dispose();
            throw;
        }
        var chain = new List<string> { spec.BaseModel };
        chain.AddRange(spec.Adapters.Select(a => $"{a.Path}:{a.Strength.ToString(CultureInfo.InvariantCulture)}"));
        return new LoadedModel(language, adapters, chain);
    }

    LoraAdapter LoadAdapter(string dir, string relative, int index)
    {
        try
        {
            return PeftFormat.Load(dir, $"adapter{index}", torch.DType, torch.Device);
        }
        catch (CheckpointException e)
        {
            // Name the file by its path in the message: the user knows that one, not the worker's mount point.
            throw new CheckpointException(Path.Combine(relative, Path.GetFileName(e.File)), e.Problem);
        }
    }
}
