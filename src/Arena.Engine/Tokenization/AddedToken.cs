namespace Arena.Engine.Tokenization;

/// <summary>
/// A token matched verbatim in text before BPE runs (Hugging Face "added_tokens"): chat markers such as
/// &lt;|im_start|&gt; always encode as this single id and decode back to <see cref="Content"/>.
/// </summary>
/// <param name="Special">Skipped by <c>Decode(ids, skipSpecial: true)</c>.</param>
/// <param name="LStrip">Absorbs whitespace on its left when matched (as HF does).</param>
/// <param name="RStrip">Absorbs whitespace on its right when matched.</param>
public sealed record AddedToken(int Id, string Content, bool Special = true, bool LStrip = false, bool RStrip = false);
