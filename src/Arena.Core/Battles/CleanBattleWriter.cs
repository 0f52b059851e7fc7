using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Arena.Core.Ratings;

namespace Arena.Core.Battles;

/// <summary>
/// Writes battles in Chatbot Arena's clean-battle format (model_a, model_b, winner, tstamp, anony), so an export of this
/// arena's votes can be read back by <see cref="CleanBattleReader"/> or by FastChat's own analysis scripts.
/// </summary>
public static class CleanBattleWriter
{
    // Relaxed escaping keeps model names such as "llama+prompt" readable; the output is a file, never HTML.
    static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    static readonly JsonWriterOptions Indented = Compact with { Indented = true };

    public static async Task WriteFileAsync(string path, IEnumerable<Battle> battles, BattleFileLayout layout = BattleFileLayout.JsonLines, CancellationToken ct = default)
    {
        await using var file = File.Create(path);
        await WriteAsync(file, battles, layout, ct);
    }

    public static string Format(IEnumerable<Battle> battles, BattleFileLayout layout = BattleFileLayout.JsonLines)
    {
        using var buffer = new MemoryStream();
        WriteAsync(buffer, battles, layout).GetAwaiter().GetResult(); // a MemoryStream never waits
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes through a memory buffer and only async stream calls, so it also works on an HTTP response body.</summary>
    public static async Task WriteAsync(Stream stream, IEnumerable<Battle> battles, BattleFileLayout layout = BattleFileLayout.JsonLines, CancellationToken ct = default)
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        await using var writer = new Utf8JsonWriter(buffer, layout == BattleFileLayout.Array ? Indented : Compact);
        if (layout == BattleFileLayout.Array) writer.WriteStartArray();
        foreach (var b in battles)
        {
            WriteObject(writer, b);
            if (layout == BattleFileLayout.JsonLines)
            {
                writer.Flush();
                buffer.Write("\n"u8);
                writer.Reset(buffer); // each line is a JSON document of its own
            }
            if (buffer.WrittenCount >= 1 << 16) await Drain(writer, buffer, stream, ct);
        }
        if (layout == BattleFileLayout.Array)
        {
            writer.WriteEndArray();
            writer.Flush();
            buffer.Write("\n"u8);
        }
        await Drain(writer, buffer, stream, ct);
        await stream.FlushAsync(ct);
    }

    static async Task Drain(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer, Stream stream, CancellationToken ct)
    {
        writer.Flush();
        await stream.WriteAsync(buffer.WrittenMemory, ct);
        buffer.ResetWrittenCount();
    }

    static void WriteObject(Utf8JsonWriter w, Battle b)
    {
        w.WriteStartObject();
        w.WriteString(CleanBattleFields.ModelA, b.ModelA);
        w.WriteString(CleanBattleFields.ModelB, b.ModelB);
        w.WriteString(CleanBattleFields.Winner, CleanBattleFields.WinnerText(b.Winner));
        w.WriteNumber(CleanBattleFields.Timestamp, b.Timestamp); // shortest round-trip form
        w.WriteBoolean(CleanBattleFields.Anonymous, b.Anonymous);
        w.WriteEndObject();
    }
}
