namespace Arena.Engine.Tokenization;

/// <summary>
/// How a SentencePiece-style BPE tokenizer.json (Llama-2, Mistral) turns text into words before merging, and
/// whether decoding drops the leading space. Read from the file's normalizer, pre_tokenizer and decoder, then
/// adjusted by tokenizer_config.json's legacy / add_prefix_space (see <see cref="NonLegacyPrefix"/>).
/// </summary>
/// <param name="Normalizer">The file's normalizer (legacy files: Prepend "▁" then Replace " " → "▁").</param>
/// <param name="Replacement">Metaspace's replacement for spaces; null when the file has no Metaspace.</param>
/// <param name="Prepend">Metaspace's prepend_scheme.</param>
/// <param name="Split">Metaspace's split: a word starts at every "▁".</param>
/// <param name="NonLegacyPrefix">
/// transformers' LlamaTokenizer with legacy: false (and add_prefix_space, default true): one "▁" in front of the
/// whole text, none after special tokens, and that "▁" dropped again when a special token follows it — what
/// sentencepiece itself does with the text. The file's normalizer is then ignored and no segment gets a prefix.
/// </param>
/// <param name="StripsLeadingSpace">The decoder (Strip or Metaspace) drops one leading space of the text.</param>
internal sealed record MetaspacePipeline(
    Func<string, string>? Normalizer,
    char? Replacement,
    PrependScheme Prepend,
    bool Split,
    bool NonLegacyPrefix,
    bool StripsLeadingSpace)
{
    public const char SpaceMarker = '\u2581';
}
