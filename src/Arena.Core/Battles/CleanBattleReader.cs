using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Arena.Core.Ratings;

namespace Arena.Core.Battles;

/// <summary>
/// Reads Chatbot Arena clean-battle files: a JSON array or JSON lines of objects with model_a, model_b, winner
/// (model_a | model_b | tie | tie (bothbad)), tstamp (Unix seconds) and anony (true when absent). Other fields (judge,
/// language, turn, …) are ignored. Anything else is a <see cref="BattleFormatException"/> that says where and why.
/// </summary>
public static class CleanBattleReader
{
    public static async Task<List<Battle>> ReadFileAsync(string path, CancellationToken ct = default)
    {
        await using var file = File.OpenRead(path);
        var battles = new List<Battle>();
        await foreach (var b in ReadAsync(file, path, ct)) battles.Add(b);
        return battles;
    }

    /// <summary>Battles from text already in memory (tests, uploads).</summary>
    public static List<Battle> Parse(string text, string source = "input") =>
        // A MemoryStream completes every read synchronously, so blocking here never waits.
        [.. ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), source).ToBlockingEnumerable()];

    /// <summary>Streams battles one by one; <paramref name="source"/> names the input in error messages.</summary>
    public static async IAsyncEnumerable<Battle> ReadAsync(Stream stream, string source = "input", [EnumeratorCancellation] CancellationToken ct = default)
    {
        if (!stream.CanSeek) // the layout is told from the first byte, then read from the start again
        {
            var copy = new MemoryStream();
            await stream.CopyToAsync(copy, ct);
            copy.Position = 0;
            stream = copy;
        }
        var items = await FirstNonBlankByte(stream, ct) == '[' ? ArrayElements(stream, source, ct) : Lines(stream, source, ct);
        await foreach (var (element, location) in items)
            yield return ToBattle(element, source, location);
    }

    static async IAsyncEnumerable<(JsonElement, string)> ArrayElements(Stream stream, string source, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, cancellationToken: ct).GetAsyncEnumerator(ct);
        for (int index = 0; ; index++)
        {
            bool more;
            try { more = await elements.MoveNextAsync(); }
            catch (JsonException e) { throw new BattleFormatException(source, $"element [{ElementOf(e) ?? index}]", BadJson(e)); }
            if (!more) yield break;
            yield return (elements.Current, $"element [{index}]");
        }
    }

    static async IAsyncEnumerable<(JsonElement, string)> Lines(Stream stream, string source, [EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var number = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonElement element;
            try
            {
                using var doc = JsonDocument.Parse(line);
                element = doc.RootElement.Clone();
            }
            catch (JsonException e) { throw new BattleFormatException(source, $"line {number}", BadJson(e)); }
            yield return (element, $"line {number}");
        }
    }

    static Battle ToBattle(JsonElement e, string source, string location)
    {
        BattleFormatException Fail(string problem) => new(source, location, problem);
        if (e.ValueKind != JsonValueKind.Object) throw Fail($"expected a JSON object, got {e.ValueKind.ToString().ToLowerInvariant()}");

        string Text(string field)
        {
            if (!e.TryGetProperty(field, out var v)) throw Fail($"missing field '{field}'");
            if (v.ValueKind != JsonValueKind.String) throw Fail($"field '{field}' must be a string, got {v.ValueKind.ToString().ToLowerInvariant()}");
            var s = v.GetString()!;
            return string.IsNullOrWhiteSpace(s) ? throw Fail($"field '{field}' is empty") : s;
        }

        var (a, b, winnerText) = (Text(CleanBattleFields.ModelA), Text(CleanBattleFields.ModelB), Text(CleanBattleFields.Winner));
        var winner = CleanBattleFields.ParseWinner(winnerText) ?? throw Fail($"unknown winner '{winnerText}' (expected {CleanBattleFields.Expected})");
        if (!e.TryGetProperty(CleanBattleFields.Timestamp, out var t)) throw Fail($"missing field '{CleanBattleFields.Timestamp}'");
        if (t.ValueKind != JsonValueKind.Number || !t.TryGetDouble(out var tstamp) || !double.IsFinite(tstamp))
            throw Fail($"field '{CleanBattleFields.Timestamp}' must be a number, got {t.GetRawText()}");
        if (a == b) throw Fail($"model_a and model_b are the same model ('{a}')");
        var anonymous = true;
        if (e.TryGetProperty(CleanBattleFields.Anonymous, out var anony))
            anonymous = anony.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Fail($"field '{CleanBattleFields.Anonymous}' must be true or false, got {anony.GetRawText()}"),
            };
        return new Battle(a, b, winner, tstamp, anonymous);
    }

    /// <summary>The element a parse error is in, from its JSON path ("$[12].winner"): the serializer reads ahead of
    /// the elements it has handed out, so the count of elements read so far can lag behind.</summary>
    static int? ElementOf(JsonException e) =>
        e.Path is ['$', '[', .. var rest] && rest.IndexOf(']') is > 0 and var close && int.TryParse(rest[..close], out var i) ? i : null;

    /// <summary>System.Text.Json's message without its trailing "Path: … | LineNumber: …", restated 1-based.</summary>
    static string BadJson(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        return e.LineNumber is { } line ? $"bad JSON at line {line + 1}, byte {e.BytePositionInLine + 1}: {message}" : $"bad JSON: {message}";
    }

    static async Task<int> FirstNonBlankByte(Stream stream, CancellationToken ct)
    {
        var start = stream.Position;
        var buffer = new byte[4096];
        var first = -1;
        var atStart = true;
        while (first < 0 && await stream.ReadAsync(buffer, ct) is var n and > 0)
        {
            var skip = atStart && n >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0; // UTF-8 BOM
            atStart = false;
            for (int i = skip; i < n && first < 0; i++)
                if (buffer[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) first = buffer[i];
        }
        stream.Position = start;
        return first;
    }
}
