using LLama;
using LLama.Common;
using LLama.Native;

namespace Arena.Cli.Tests;

/// <summary>A GGUF file loaded in llama.cpp (LLamaSharp's CPU backend): its tokenizer and greedy decoding, read straight
/// from the logits so no sampler setting of LLamaSharp's can get in the way.</summary>
public sealed class LlamaRunner : IDisposable
{
    readonly LLamaWeights _weights;
    readonly LLamaContext _context;

    // llama.cpp logs every tensor it loads; keep its errors only, so a failed load still says why.
    static LlamaRunner() => NativeLogConfig.llama_log_set((level, message) =>
    {
        if (level == LLamaLogLevel.Error) Console.Error.Write(message);
    });

    LlamaRunner(LLamaWeights weights, LLamaContext context) => (_weights, _context) = (weights, context);

    public static LlamaRunner Open(string gguf)
    {
        var p = new ModelParams(gguf)
        {
            ContextSize = 256,
            GpuLayerCount = 0,
            Threads = 2,
            BatchThreads = 2,
            // llama.cpp caches K and V in f16 by default; f32 keeps the comparison about the weights alone.
            TypeK = GGMLType.GGML_TYPE_F32,
            TypeV = GGMLType.GGML_TYPE_F32,
            // The CPU flash-attention kernel accumulates in f16; the plain path stays in f32 like the engine.
            FlashAttention = false,
        };
        var weights = LLamaWeights.LoadFromFile(p);
        try { return new LlamaRunner(weights, weights.CreateContext(p)); }
        catch
        {
            weights.Dispose();
            throw;
        }
    }

    /// <summary>The GGUF metadata as llama.cpp read it (strings; arrays are summarised by llama.cpp).</summary>
    public IReadOnlyDictionary<string, string> Metadata => _weights.Metadata;

    /// <summary>llama.cpp's ids for <paramref name="text"/>, no bos, special tokens written in the text parsed.</summary>
    public int[] Tokenize(string text) => _context.Tokenize(text, addBos: false, special: true).Select(t => (int)t).ToArray();

    /// <summary>The greedy continuation of <paramref name="prompt"/> and the logits after the prompt.</summary>
    public (int[] Tokens, float[] FirstLogits) Greedy(int[] prompt, int count)
    {
        var batch = new LLamaBatch();
        for (int i = 0; i < prompt.Length; i++) batch.Add((LLamaToken)prompt[i], i, LLamaSeqId.Zero, i == prompt.Length - 1);
        Decode(batch);
        var first = _context.NativeHandle.GetLogitsIth(batch.TokenCount - 1).ToArray();
        var tokens = new List<int> { ArgMax(first) };
        for (int pos = prompt.Length; tokens.Count < count; pos++)
        {
            batch.Clear();
            batch.Add((LLamaToken)tokens[^1], pos, LLamaSeqId.Zero, true);
            Decode(batch);
            tokens.Add(ArgMax(_context.NativeHandle.GetLogitsIth(0)));
        }
        return (tokens.ToArray(), first);
    }

    void Decode(LLamaBatch batch)
    {
        var result = _context.Decode(batch);
        if (result != DecodeResult.Ok) throw new InvalidOperationException($"llama_decode failed: {result}");
    }

    static int ArgMax(ReadOnlySpan<float> logits)
    {
        int best = 0;
        for (int i = 1; i < logits.Length; i++) if (logits[i] > logits[best]) best = i;
        return best;
    }

    public void Dispose()
    {
        _context.Dispose();
        _weights.Dispose();
    }
}
