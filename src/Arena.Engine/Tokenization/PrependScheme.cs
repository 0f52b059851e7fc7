namespace Arena.Engine.Tokenization;

/// <summary>Hugging Face Metaspace prepend_scheme: where a "▁" is put in front of a text segment.</summary>
internal enum PrependScheme
{
    Never,

    /// <summary>Only the segment at the very start of the text (not the ones after added tokens).</summary>
    First,

    /// <summary>Every segment between added tokens (what legacy Llama-2 files do).</summary>
    Always,
}
