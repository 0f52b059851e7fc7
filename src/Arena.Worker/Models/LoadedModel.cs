using Arena.Engine;
using Arena.Engine.Lora;

namespace Arena.Worker.Models;

/// <summary>A base model with a <see cref="Arena.Contracts.Models.ModelSpec"/>'s adapters attached; owns both.</summary>
public sealed class LoadedModel(LanguageModel language, IReadOnlyList<LoraAdapter> adapters, IReadOnlyList<string> chain) : IDisposable
{
    public LanguageModel Language { get; } = language;
    public IReadOnlyList<LoraAdapter> Adapters { get; } = adapters;
    /// <summary>Base folder, then each adapter folder with its strength: the bake report's parent chain.</summary>
    public IReadOnlyList<string> Chain { get; } = chain;

    public void Dispose()
    {
        Language.Dispose();
        foreach (var a in Adapters) a.Dispose();
    }
}
