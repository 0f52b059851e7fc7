using Arena.Core.Battles;
using Arena.Core.Ratings;

namespace Arena.Core.Tests.Battles;

public sealed class CleanBattleReaderTests
{
    const string Lines = """
        {"question_id": "q1", "model_a": "gpt-4", "model_b": "llama", "winner": "model_a", "judge": "arena_user_1", "tstamp": 1711000000.5}

        {"model_a": "llama", "model_b": "gpt-4", "winner": "tie (bothbad)", "tstamp": 1711000001, "turn": 1}
        """;

    [Fact]
    public void ReadsJsonLinesIgnoringOtherFieldsAndBlankLines()
    {
        var battles = CleanBattleReader.Parse(Lines);
        Assert.Equal([new Battle("gpt-4", "llama", Winner.ModelA, 1711000000.5), new Battle("llama", "gpt-4", Winner.TieBothBad, 1711000001)], battles);
    }

    [Fact]
    public void ReadsAJsonArray()
    {
        var battles = CleanBattleReader.Parse("""
            [ {"model_a": "x", "model_b": "y", "winner": "model_b", "tstamp": 1, "anony": true},
              {"model_a": "y", "model_b": "x", "winner": "tie", "tstamp": 2} ]
            """);
        Assert.Equal([new Battle("x", "y", Winner.ModelB, 1), new Battle("y", "x", Winner.Tie, 2)], battles);
    }

    [Fact]
    public void EmptyInputHasNoBattles()
    {
        Assert.Empty(CleanBattleReader.Parse(""));
        Assert.Empty(CleanBattleReader.Parse(" [ ] "));
    }

    [Theory]
    [InlineData("""{"model_a": "x", "model_b": "y", "winner": "model_c", "tstamp": 1}""", "unknown winner 'model_c'")]
    [InlineData("""{"model_a": "x", "winner": "tie", "tstamp": 1}""", "missing field 'model_b'")]
    [InlineData("""{"model_a": "x", "model_b": "y", "winner": "tie"}""", "missing field 'tstamp'")]
    [InlineData("""{"model_a": "x", "model_b": "y", "winner": "tie", "tstamp": "yesterday"}""", "field 'tstamp' must be a number")]
    [InlineData("""{"model_a": "x", "model_b": "x", "winner": "tie", "tstamp": 1}""", "model_a and model_b are the same model ('x')")]
    [InlineData("""{"model_a": "x", "model_b": "y", "winner": """, "bad JSON")]
    [InlineData("""["x", "y"]""", "expected a JSON object, got array")]
    public void AMalformedLineIsReportedWithItsLineNumberAndProblem(string badLine, string problem)
    {
        var text = """{"model_a": "x", "model_b": "y", "winner": "tie", "tstamp": 0}""" + "\n\n" + badLine + "\n";
        var e = Assert.Throws<BattleFormatException>(() => CleanBattleReader.Parse(text, "votes.jsonl"));
        Assert.Equal("line 3", e.Location);
        Assert.Contains(problem, e.Problem);
        Assert.StartsWith("votes.jsonl line 3: ", e.Message);
    }

    [Fact]
    public void AMalformedArrayElementIsReportedWithItsIndex()
    {
        var e = Assert.Throws<BattleFormatException>(() => CleanBattleReader.Parse("""
            [{"model_a": "x", "model_b": "y", "winner": "tie", "tstamp": 0},
             {"model_a": "x", "model_b": "y", "winner": "draw", "tstamp": 0}]
            """));
        Assert.Equal("element [1]", e.Location);
        Assert.Contains("unknown winner 'draw' (expected model_a, model_b, tie or tie (bothbad))", e.Problem);
    }

    [Fact]
    public void BrokenJsonInsideAnArrayNamesTheElementAndTheLine()
    {
        var e = Assert.Throws<BattleFormatException>(() => CleanBattleReader.Parse(
            "[{\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"tie\", \"tstamp\": 0},\n {\"model_a\" \"x\"}]"));
        Assert.Equal("element [1]", e.Location);
        Assert.Contains("bad JSON at line 2", e.Problem);
    }

    [Theory]
    [InlineData(BattleFileLayout.JsonLines)]
    [InlineData(BattleFileLayout.Array)]
    public void WrittenBattlesReadBackUnchanged(BattleFileLayout layout)
    {
        List<Battle> battles =
        [
            new("llama+pirate prompt", "gpt-4", Winner.ModelA, 1711000000.123456),
            new("gpt-4", "llama+pirate prompt", Winner.ModelB, 1711000001),
            new("ünïcode", "gpt-4", Winner.Tie, 0.1),
            new("a \"quoted\" name", "gpt-4", Winner.TieBothBad, -5),
        ];
        var text = CleanBattleWriter.Format(battles, layout);
        Assert.Equal(battles, CleanBattleReader.Parse(text));
        Assert.Contains("llama+pirate prompt", text); // readable, not \u002B-escaped
    }

    [Fact]
    public void JsonLinesOutputHasOneBattlePerLineInChatbotArenaSpelling()
    {
        var text = CleanBattleWriter.Format([new Battle("a", "b", Winner.TieBothBad, 12.5)]);
        Assert.Equal("{\"model_a\":\"a\",\"model_b\":\"b\",\"winner\":\"tie (bothbad)\",\"tstamp\":12.5,\"anony\":true}\n", text);
    }

    [Fact]
    public void AnonyIsReadAsWrittenAndTrueWhenAbsent()
    {
        var battles = CleanBattleReader.Parse("""
            {"model_a": "x", "model_b": "y", "winner": "tie", "tstamp": 1, "anony": false}
            {"model_a": "x", "model_b": "y", "winner": "tie", "tstamp": 2}
            """);
        Assert.Equal([false, true], battles.Select(b => b.Anonymous));
        Assert.Equal(battles, CleanBattleReader.Parse(CleanBattleWriter.Format(battles)));
        Assert.False(battles[0].Swapped().Anonymous);
        var e = Assert.Throws<BattleFormatException>(() => CleanBattleReader.Parse("""{"model_a": "x", "model_b": "y", "winner": "tie", "tstamp": 1, "anony": "yes"}"""));
        Assert.Contains("field 'anony' must be true or false", e.Message);
    }

    [Fact]
    public async Task ReadsFromAStreamThatCannotSeek()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(Lines);
        await using var stream = new NonSeekable(new MemoryStream(bytes));
        var count = 0;
        await foreach (var _ in CleanBattleReader.ReadAsync(stream)) count++;
        Assert.Equal(2, count);
    }

    sealed class NonSeekable(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
