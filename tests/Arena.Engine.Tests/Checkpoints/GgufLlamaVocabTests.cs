using Arena.Engine.Checkpoints.Gguf;
using Arena.Engine.Tests.Tokenization;

namespace Arena.Engine.Tests.Checkpoints;

/// <summary>
/// The "llama" GGUF vocabulary of Mistral v0.3, from its tokenizer.model and from its tokenizer.json: the same
/// tokens and types, and scores that rank the merges alike (llama.cpp merges the pair whose piece scores highest).
/// </summary>
public class GgufLlamaVocabTests
{
    // Two ids past the tokenizer's, as a model with a padded embedding has.
    private const int EmbeddingRows = 32770;

    private static readonly Lazy<Dictionary<string, object>> FromModel = new(() => Read(HfTokenizerFixtures.MistralModelOnly));
    private static readonly Lazy<Dictionary<string, object>> FromJson = new(() => Read("mistral-v03"));

    private static Dictionary<string, object> Read(string fixture) =>
        GgufLlamaVocab.Read(HfTokenizerFixtures.Folder(fixture), EmbeddingRows).ToDictionary(kv => kv.Key, kv => kv.Value.Value);

    [Fact]
    public void BothFilesGiveTheSameTokensTypesAndUnknownId()
    {
        foreach (string key in new[] { "tokenizer.ggml.model", "tokenizer.ggml.pre", "tokenizer.ggml.tokens", "tokenizer.ggml.token_type", "tokenizer.ggml.unknown_token_id" })
        {
            Assert.Equal(FromModel.Value[key], FromJson.Value[key]);
        }
    }

    [Fact]
    public void PiecesAreTypedAsLlamaCppExpects()
    {
        string[] tokens = (string[])FromModel.Value["tokenizer.ggml.tokens"];
        int[] types = (int[])FromModel.Value["tokenizer.ggml.token_type"];
        float[] scores = (float[])FromModel.Value["tokenizer.ggml.scores"];
        Assert.Equal("llama", FromModel.Value["tokenizer.ggml.model"]);
        Assert.Equal(("[INST]", GgufTokenType.Control, -1000f), (tokens[3], types[3], scores[3])); // tokenizer_config.json marks it special
        Assert.Equal(("<0x41>", GgufTokenType.Byte), (tokens[836], types[836]));
        Assert.Equal(GgufTokenType.Normal, types[Array.IndexOf(tokens, "▁Hello")]);
        Assert.Equal(("[PAD32769]", GgufTokenType.Unused, -10000f), (tokens[32769], types[32769], scores[32769]));
    }

    [Fact]
    public void ScoresFromTheMergesRankPiecesAsTheModelsOwnScores()
    {
        float[] own = (float[])FromModel.Value["tokenizer.ggml.scores"];
        float[] derived = (float[])FromJson.Value["tokenizer.ggml.scores"];
        int[] types = (int[])FromModel.Value["tokenizer.ggml.token_type"];

        // Every piece a merge makes, best derived score first: the model's own scores never rise.
        int[] merged = Enumerable.Range(0, own.Length)
            .Where(id => types[id] == GgufTokenType.Normal && derived[id] < 0)
            .OrderByDescending(id => derived[id])
            .ToArray();
        Assert.True(merged.Length > 25000, $"only {merged.Length} merged pieces");
        for (int i = 1; i < merged.Length; i++)
        {
            Assert.True(own[merged[i]] <= own[merged[i - 1]], $"piece {merged[i]} scores {own[merged[i]]} after {merged[i - 1]} at {own[merged[i - 1]]}");
        }
    }
}
