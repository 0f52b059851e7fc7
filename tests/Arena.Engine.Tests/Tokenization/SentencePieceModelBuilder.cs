using System.Text;

namespace Arena.Engine.Tests.Tokenization;

/// <summary>
/// Writes a tiny SentencePiece tokenizer.model by hand-encoding the protobuf ModelProto (field numbers from
/// sentencepiece_model.proto): &lt;unk&gt; &lt;s&gt; &lt;/s&gt;, the 256 byte-fallback pieces, then the given pieces.
/// </summary>
internal static class SentencePieceModelBuilder
{
    public const int Unk = 0;
    public const int Bos = 1;
    public const int Eos = 2;
    public const int FirstPiece = 3 + 256;

    private const int Normal = 1;
    private const int Unknown = 2;
    private const int Control = 3;
    private const int ByteType = 6;

    /// <summary>Pieces joined by BPE in order of score; earlier pieces score higher.</summary>
    public static readonly string[] Pieces =
    [
        "ll", "▁h", "▁he", "▁hell", "▁hello", "▁w", "or", "▁wor", "ld", "▁world",
        "▁", "h", "e", "l", "o", "w", "r", "d",
    ];

    /// <param name="modelType">trainer_spec.model_type: 2 BPE, 1 UNIGRAM.</param>
    public static byte[] Build(int modelType = 2)
    {
        var model = new List<byte>();
        AddPiece(model, "<unk>", 0, Unknown);
        AddPiece(model, "<s>", 0, Control);
        AddPiece(model, "</s>", 0, Control);
        for (int b = 0; b < 256; b++)
        {
            AddPiece(model, $"<0x{b:X2}>", 0, ByteType);
        }

        for (int i = 0; i < Pieces.Length; i++)
        {
            AddPiece(model, Pieces[i], -i - 1, Normal);
        }

        var trainer = new List<byte>();
        Varint(trainer, 3, modelType);            // model_type
        Varint(trainer, 4, FirstPiece + Pieces.Length); // vocab_size
        Varint(trainer, 35, 1);                   // byte_fallback
        Varint(trainer, 40, Unk);
        Varint(trainer, 41, Bos);
        Varint(trainer, 42, Eos);
        Varint(trainer, 43, -1);                  // pad_id: none, a 10-byte varint as protobuf writes a negative int32
        Message(model, 2, trainer);

        var normalizer = new List<byte>();
        Bytes(normalizer, 1, Encoding.UTF8.GetBytes("identity"));
        Varint(normalizer, 3, 1);                 // add_dummy_prefix
        Varint(normalizer, 4, 0);                 // remove_extra_whitespaces: keep spaces as written
        Varint(normalizer, 5, 1);                 // escape_whitespaces
        Message(model, 3, normalizer);
        return model.ToArray();
    }

    private static void AddPiece(List<byte> model, string piece, float score, int type)
    {
        var entry = new List<byte>();
        Bytes(entry, 1, Encoding.UTF8.GetBytes(piece));
        Tag(entry, 2, 5);
        entry.AddRange(BitConverter.GetBytes(score));
        Varint(entry, 3, type);
        Message(model, 1, entry);
    }

    private static void Message(List<byte> output, int field, List<byte> body) => Bytes(output, field, body.ToArray());

    private static void Bytes(List<byte> output, int field, byte[] value)
    {
        Tag(output, field, 2);
        WriteVarint(output, (ulong)value.Length);
        output.AddRange(value);
    }

    private static void Varint(List<byte> output, int field, long value)
    {
        Tag(output, field, 0);
        WriteVarint(output, (ulong)value);
    }

    private static void Tag(List<byte> output, int field, int wireType) => WriteVarint(output, (ulong)((field << 3) | wireType));

    private static void WriteVarint(List<byte> output, ulong value)
    {
        for (; value >= 0x80; value >>= 7)
        {
            output.Add((byte)(value | 0x80));
        }

        output.Add((byte)value);
    }
}
