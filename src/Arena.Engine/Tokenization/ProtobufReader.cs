using System.Buffers.Binary;
using System.Text;

namespace Arena.Engine.Tokenization;

/// <summary>
/// Reads the protobuf wire format field by field: just enough for sentencepiece's ModelProto (varints, floats,
/// strings and nested messages), so tokenizer.model needs no protobuf package. Unknown fields are skipped, as
/// protobuf itself does, so newer files with extra fields still read.
/// </summary>
internal ref struct ProtobufReader
{
    public const int Varint = 0;
    public const int Fixed64 = 1;
    public const int LengthDelimited = 2;
    public const int Fixed32 = 5;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public ProtobufReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    /// <summary>The next field's number and wire type; false at the end of the message.</summary>
    /// <exception cref="InvalidDataException">A malformed tag.</exception>
    public bool TryReadTag(out int field, out int wireType)
    {
        if (_position >= _data.Length)
        {
            (field, wireType) = (0, 0);
            return false;
        }

        ulong tag = ReadVarint();
        field = (int)(tag >> 3);
        wireType = (int)(tag & 7);
        if (field <= 0)
        {
            throw new InvalidDataException($"field number {field} at byte {_position}");
        }

        return true;
    }

    /// <exception cref="InvalidDataException">The data ends inside the varint, or it is longer than 10 bytes.</exception>
    public ulong ReadVarint()
    {
        ulong value = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            byte b = Take(1)[0];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException($"varint longer than 10 bytes before byte {_position}");
    }

    /// <summary>An int32 field: negative values (pad_id = -1) are written as 10-byte varints of the 64-bit value.</summary>
    public int ReadInt32() => unchecked((int)(long)ReadVarint());

    public bool ReadBool() => ReadVarint() != 0;

    public float ReadFloat() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

    /// <summary>A string, bytes or nested message.</summary>
    public ReadOnlySpan<byte> ReadBytes()
    {
        ulong length = ReadVarint();
        if (length > (ulong)(_data.Length - _position))
        {
            throw new InvalidDataException($"length {length} at byte {_position} runs past the end ({_data.Length} bytes)");
        }

        return Take((int)length);
    }

    public string ReadString() => Encoding.UTF8.GetString(ReadBytes());

    /// <exception cref="InvalidDataException">An unknown wire type (groups are not used by sentencepiece).</exception>
    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case Varint: ReadVarint(); break;
            case Fixed64: Take(8); break;
            case LengthDelimited: ReadBytes(); break;
            case Fixed32: Take(4); break;
            default: throw new InvalidDataException($"wire type {wireType} before byte {_position}");
        }
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _data.Length - _position)
        {
            throw new InvalidDataException($"data ends at byte {_data.Length}, inside a field");
        }

        ReadOnlySpan<byte> span = _data.Slice(_position, count);
        _position += count;
        return span;
    }
}
