using Arena.Worker.Chat;

namespace Arena.Worker.Tests.Chat;

public sealed class ReplyChunkerTests
{
    [Fact]
    public void TextIsHeldUntilTheIntervalPasses()
    {
        var chunker = new ReplyChunker(TimeSpan.FromMilliseconds(50));

        chunker.Add("Hel");
        Assert.Null(chunker.TakeIfDue(TimeSpan.FromMilliseconds(10)));
        chunker.Add("lo");
        Assert.Equal((0, "Hello"), chunker.TakeIfDue(TimeSpan.FromMilliseconds(50)));
        chunker.Add(" world");
        Assert.Null(chunker.TakeIfDue(TimeSpan.FromMilliseconds(60)));
        Assert.Equal((1, " world"), chunker.Take());
        Assert.Equal((2, ""), chunker.Take());
    }

    [Fact]
    public void NothingPendingIsNeverDue()
    {
        var chunker = new ReplyChunker(TimeSpan.FromMilliseconds(50));

        Assert.Null(chunker.TakeIfDue(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, chunker.NextSequence);
    }
}
