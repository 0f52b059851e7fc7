namespace Arena.Starter.Tokenizer;

/// <summary>Settings of <see cref="BpeTrainer"/>.</summary>
public sealed record BpeTrainerOptions
{
    /// <summary>
    /// Size of the final vocabulary: 256 byte symbols + learned merges + special tokens. Training stops earlier
    /// when no pair reaches <see cref="MinFrequency"/>.
    /// </summary>
    public int VocabSize { get; init; } = 4096;

    /// <summary>A pair seen fewer times than this is never merged.</summary>
    public int MinFrequency { get; init; } = 2;

    /// <summary>Added tokens, given the ids after the learned vocabulary, in this order.</summary>
    public IReadOnlyList<string> SpecialTokens { get; init; } = Tokenizer.SpecialTokens.All;
}
