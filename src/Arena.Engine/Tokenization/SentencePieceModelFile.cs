namespace Arena.Engine.Tokenization;

/// <summary>
/// What Arena reads of a sentencepiece tokenizer.model (the ModelProto protobuf of sentencepiece_model.proto):
/// the pieces, and the trainer and normalizer options that change how text becomes pieces. Defaults are the
/// proto's own, used when a field is absent.
/// </summary>
internal sealed record SentencePieceModelFile
{
    public const int Unigram = 1;
    public const int Bpe = 2;

    public required IReadOnlyList<SentencePiece> Pieces { get; init; }

    /// <summary>trainer_spec.model_type: 1 UNIGRAM (the proto's default), 2 BPE, 3 WORD, 4 CHAR.</summary>
    public int ModelType { get; init; } = Unigram;

    public bool ByteFallback { get; init; }

    public int UnkId { get; init; }

    /// <summary>-1 when the model has no such token.</summary>
    public int BosId { get; init; } = 1;

    public int EosId { get; init; } = 2;

    public int PadId { get; init; } = -1;

    /// <summary>normalizer_spec.add_dummy_prefix: a "▁" in front of the text, so "world" and " world" match.</summary>
    public bool AddDummyPrefix { get; init; } = true;

    public bool RemoveExtraWhitespaces { get; init; } = true;

    /// <summary>normalizer_spec.escape_whitespaces: spaces become "▁" before the pieces are looked up.</summary>
    public bool EscapeWhitespaces { get; init; } = true;

    /// <summary>The piece of <paramref name="id"/>, or null when the id is -1 or outside the vocabulary.</summary>
    public string? PieceOf(int id) => id >= 0 && id < Pieces.Count ? Pieces[id].Piece : null;

    /// <exception cref="InvalidDataException">The bytes are not a ModelProto.</exception>
    public static SentencePieceModelFile Parse(ReadOnlySpan<byte> data)
    {
        var pieces = new List<SentencePiece>();
        var model = new SentencePieceModelFile { Pieces = pieces };
        var reader = new ProtobufReader(data);
        while (reader.TryReadTag(out int field, out int wire))
        {
            switch ((field, wire))
            {
                case (1, ProtobufReader.LengthDelimited): pieces.Add(ReadPiece(reader.ReadBytes())); break;
                case (2, ProtobufReader.LengthDelimited): model = ReadTrainerSpec(reader.ReadBytes(), model); break;
                case (3, ProtobufReader.LengthDelimited): model = ReadNormalizerSpec(reader.ReadBytes(), model); break;
                default: reader.Skip(wire); break;
            }
        }

        return model;
    }

    private static SentencePiece ReadPiece(ReadOnlySpan<byte> data)
    {
        (string piece, float score, int type) = ("", 0f, (int)SentencePieceType.Normal);
        var reader = new ProtobufReader(data);
        while (reader.TryReadTag(out int field, out int wire))
        {
            switch ((field, wire))
            {
                case (1, ProtobufReader.LengthDelimited): piece = reader.ReadString(); break;
                case (2, ProtobufReader.Fixed32): score = reader.ReadFloat(); break;
                case (3, ProtobufReader.Varint): type = reader.ReadInt32(); break;
                default: reader.Skip(wire); break;
            }
        }

        return new SentencePiece(piece, score, (SentencePieceType)type);
    }

    private static SentencePieceModelFile ReadTrainerSpec(ReadOnlySpan<byte> data, SentencePieceModelFile model)
    {
        var reader = new ProtobufReader(data);
        while (reader.TryReadTag(out int field, out int wire))
        {
            if (wire != ProtobufReader.Varint)
            {
                reader.Skip(wire);
                continue;
            }

            model = field switch
            {
                3 => model with { ModelType = reader.ReadInt32() },
                35 => model with { ByteFallback = reader.ReadBool() },
                40 => model with { UnkId = reader.ReadInt32() },
                41 => model with { BosId = reader.ReadInt32() },
                42 => model with { EosId = reader.ReadInt32() },
                43 => model with { PadId = reader.ReadInt32() },
                _ => Skipped(ref reader, model),
            };
        }

        return model;
    }

    private static SentencePieceModelFile ReadNormalizerSpec(ReadOnlySpan<byte> data, SentencePieceModelFile model)
    {
        var reader = new ProtobufReader(data);
        while (reader.TryReadTag(out int field, out int wire))
        {
            if (wire != ProtobufReader.Varint)
            {
                reader.Skip(wire);
                continue;
            }

            model = field switch
            {
                3 => model with { AddDummyPrefix = reader.ReadBool() },
                4 => model with { RemoveExtraWhitespaces = reader.ReadBool() },
                5 => model with { EscapeWhitespaces = reader.ReadBool() },
                _ => Skipped(ref reader, model),
            };
        }

        return model;
    }

    private static SentencePieceModelFile Skipped(ref ProtobufReader reader, SentencePieceModelFile model)
    {
        reader.ReadVarint();
        return model;
    }
}
