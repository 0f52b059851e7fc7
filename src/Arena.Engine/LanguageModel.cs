using Arena.Engine.Checkpoints;
using Arena.Engine.Generation;
using Arena.Engine.Modules;
using Arena.Engine.Tokenization;
using static TorchSharp.torch;

namespace Arena.Engine;

/// <summary>A loaded model folder: the network, its tokenizer and chat format. Adapters are attached on <see cref="Model"/>.</summary>
public sealed class LanguageModel(string dir, CausalLM model, TextTokenizer tokenizer) : IDisposable
{
    public string Directory { get; } = dir;
    public CausalLM Model { get; } = model;
    public TextTokenizer Tokenizer { get; } = tokenizer;

    public static LanguageModel Load(string dir, ScalarType dtype, Device device)
    {
        var model = ModelLoader.Load(dir, dtype, device);
        try
        {
            var tokenizer = TokenizerLoader.Load(dir);
            if (tokenizer.VocabSize > model.Config.VocabSize)
                throw new CheckpointException(Path.Combine(dir, "config.json"), $"vocab_size {model.Config.VocabSize} is smaller than the tokenizer's {tokenizer.VocabSize} tokens");
            return new LanguageModel(dir, model, tokenizer);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    public TextGenerator Generator() => new(Model, Tokenizer);

    public void Dispose() => Model.Dispose();
}
