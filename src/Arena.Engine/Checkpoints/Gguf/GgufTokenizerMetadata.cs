using Arena.Engine.Tokenization;

namespace Arena.Engine.Checkpoints.Gguf;

/// <summary>
/// The tokenizer.ggml.* keys and the chat template, as llama.cpp's convert_hf_to_gguf.py writes them: byte-level BPE
/// (GPT-2, Llama-3, Qwen2, the starter) as its "gpt2" model (<see cref="GgufGpt2Vocab"/>), SentencePiece BPE
/// (Llama-2, Mistral; tokenizer.model or tokenizer.json) as its "llama" model (<see cref="GgufLlamaVocab"/>).
/// </summary>
public static class GgufTokenizerMetadata
{
    /// <param name="vocabSize">The model's embedding rows; ids the tokenizer lacks are padded as unused tokens, as
    /// llama.cpp's converter does, so the token list matches the embedding.</param>
    public static List<KeyValuePair<string, GgufMetadataValue>> Read(string modelDir, int vocabSize)
    {
        var tok = TokenizerLoader.Load(modelDir);   // Arena's own reading, so the GGUF agrees with the engine
        var kv = tok.Kind == "SentencePiece" ? GgufLlamaVocab.Read(modelDir, vocabSize) : GgufGpt2Vocab.Read(modelDir, vocabSize);
        if (tok.BosId is { } bos) kv.Add(new("tokenizer.ggml.bos_token_id", GgufMetadataValue.Of((uint)bos)));
        if (tok.EosIds.Count > 0) kv.Add(new("tokenizer.ggml.eos_token_id", GgufMetadataValue.Of((uint)tok.EosIds[0])));
        if (tok.PadId is { } pad) kv.Add(new("tokenizer.ggml.padding_token_id", GgufMetadataValue.Of((uint)pad)));
        kv.Add(new("tokenizer.ggml.add_bos_token", GgufMetadataValue.Of(tok.AddBos)));
        kv.Add(new("tokenizer.ggml.add_eos_token", GgufMetadataValue.Of(false)));   // the engine never appends eos
        if (ModelTokenizerConfig.Read(modelDir).ChatTemplate is { } template)
            kv.Add(new("tokenizer.chat_template", GgufMetadataValue.Of(template)));
        return kv;
    }
}
