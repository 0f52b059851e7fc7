namespace Arena.Engine.Tokenization;

/// <summary>tokenizer.json's BPE model options that change how a word becomes ids.</summary>
/// <param name="UnkToken">For characters neither in the vocabulary nor covered by byte_fallback; null drops them.</param>
/// <param name="ByteFallback">Unknown characters become their UTF-8 bytes as &lt;0xNN&gt; pieces.</param>
/// <param name="FuseUnk">Consecutive unknown characters become one unk.</param>
/// <param name="IgnoreMerges">A word that is itself in the vocabulary is taken whole.</param>
internal sealed record BpeSettings(string? UnkToken, bool ByteFallback, bool FuseUnk, bool IgnoreMerges);
