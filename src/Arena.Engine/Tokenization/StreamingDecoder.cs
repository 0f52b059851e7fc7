using System.Text;

namespace Arena.Engine.Tokenization;

/// <summary>
/// Turns ids arriving one at a time (from a generator) into text deltas. A byte-level token can end in the
/// middle of a multi-byte character (an emoji is often two or three tokens); those bytes are held back until the
/// character completes, so no delta carries a broken character and the concatenation of all deltas plus
/// <see cref="Flush"/> equals <see cref="TextTokenizer.Decode"/> of all the ids, before clean_up_tokenization_spaces
/// (which looks across token boundaries, so a stream does not apply it). Not thread-safe: one per stream.
/// </summary>
public sealed class StreamingDecoder
{
    private readonly TextTokenizer _tokenizer;
    private readonly bool _skipSpecial;

    // .NET's stateful UTF-8 decoder keeps an incomplete sequence between calls and replaces invalid bytes exactly
    // as a one-shot decode of the same bytes would.
    private readonly Decoder _utf8 = Encoding.UTF8.GetDecoder();
    private bool _started;

    internal StreamingDecoder(TextTokenizer tokenizer, bool skipSpecial)
    {
        _tokenizer = tokenizer;
        _skipSpecial = skipSpecial;
    }

    /// <summary>The text that <paramref name="id"/> completes; empty while a character is still incomplete.</summary>
    public string Push(int id)
    {
        if (_skipSpecial && _tokenizer.IsSpecial(id))
        {
            return "";
        }

        return Emit(_tokenizer.TokenBytes(id), flush: false);
    }

    /// <summary>Ends the stream: bytes still held back (a character never completed) come out as U+FFFD.</summary>
    public string Flush() => Emit([], flush: true);

    private string Emit(ReadOnlySpan<byte> bytes, bool flush)
    {
        // Always feed the decoder, even when no character completes: it keeps the partial sequence.
        int capacity = _utf8.GetCharCount(bytes, flush);
        Span<char> chars = capacity <= 256 ? stackalloc char[capacity] : new char[capacity];
        int written = _utf8.GetChars(bytes, chars, flush);
        if (written == 0)
        {
            return "";
        }

        string text = new(chars[..written]);
        if (!_started)
        {
            // Same rule as Decode: SentencePiece's leading "▁" is dropped from the start of the whole text.
            _started = true;
            if (_tokenizer.StripsLeadingSpace && text.StartsWith(' '))
            {
                text = text[1..];
            }
        }

        return text;
    }
}
