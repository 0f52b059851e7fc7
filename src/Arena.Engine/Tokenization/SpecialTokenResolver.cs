namespace Arena.Engine.Tokenization;

/// <summary>
/// Decides bos/eos/pad from the several places a Hugging Face folder may name them. Token strings in
/// tokenizer_config.json win for bos and pad (they are what the tokenizer itself uses); for eos every source
/// counts, because generation must stop on any of them (Llama-3 Instruct lists two ids in generation_config.json).
/// </summary>
internal static class SpecialTokenResolver
{
    // Used only when no file names an eos: the end markers of the families we load.
    private static readonly string[] WellKnownEos = ["<|endoftext|>", "<|end_of_text|>", "</s>", "<eos>"];

    /// <exception cref="TokenizerException">tokenizer_config.json names a token the vocabulary lacks.</exception>
    public static SpecialTokenIds Resolve(ITokenModel model, ModelTokenizerConfig config, string? templateBos, string configPath)
    {
        int? bos = Lookup(model, config.BosToken, "bos_token", configPath)
            ?? FirstOrNull(config.BosIds)
            ?? (templateBos is null ? null : model.TokenToId(templateBos))
            ?? model.DefaultBosId;

        var eos = new List<int>(config.EosIds);
        if (Lookup(model, config.EosToken, "eos_token", configPath) is { } eosFromToken)
        {
            eos.Add(eosFromToken);
        }

        if (eos.Count == 0 && model.DefaultEosId is { } defaultEos)
        {
            eos.Add(defaultEos);
        }

        if (eos.Count == 0)
        {
            eos.AddRange(WellKnownEos.Select(model.TokenToId).OfType<int>().Take(1));
        }

        int? pad = Lookup(model, config.PadToken, "pad_token", configPath) ?? FirstOrNull(config.PadIds);

        // add_bos_token wins; else a post-processor that prepends bos; else SentencePiece's habit of adding it.
        bool addBos = config.AddBosToken ?? (templateBos is not null || model.DefaultBosId is not null);
        return new SpecialTokenIds(bos, eos.Distinct().ToArray(), pad, addBos && bos is not null);
    }

    private static int? Lookup(ITokenModel model, string? token, string field, string configPath)
    {
        if (token is null)
        {
            return null;
        }

        return model.TokenToId(token)
            ?? throw new TokenizerException(configPath, $"{field} '{token}' is not in the tokenizer's vocabulary");
    }

    private static int? FirstOrNull(IReadOnlyList<int> ids) => ids.Count > 0 ? ids[0] : null;
}
