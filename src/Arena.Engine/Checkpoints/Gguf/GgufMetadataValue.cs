namespace Arena.Engine.Checkpoints.Gguf;

/// <summary>One metadata value: its type tag, and for arrays the element type. <see cref="Value"/> holds a CLR scalar,
/// a string, or an array of them (string[], int[], uint[], float[]).</summary>
public sealed record GgufMetadataValue(GgufValueType Type, object Value, GgufValueType ElementType = GgufValueType.UInt8)
{
    public static GgufMetadataValue Of(string s) => new(GgufValueType.String, s);
    public static GgufMetadataValue Of(uint v) => new(GgufValueType.UInt32, v);
    public static GgufMetadataValue Of(float v) => new(GgufValueType.Float32, v);
    public static GgufMetadataValue Of(bool v) => new(GgufValueType.Bool, v);
    public static GgufMetadataValue Of(string[] a) => new(GgufValueType.Array, a, GgufValueType.String);
    public static GgufMetadataValue Of(int[] a) => new(GgufValueType.Array, a, GgufValueType.Int32);
    public static GgufMetadataValue Of(float[] a) => new(GgufValueType.Array, a, GgufValueType.Float32);
}
