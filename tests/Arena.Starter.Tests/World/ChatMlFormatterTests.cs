using Arena.Starter.Behaviors;
using Arena.Starter.World;

namespace Arena.Starter.Tests.World;

public class ChatMlFormatterTests
{
    private static readonly Conversation TwoTurns = new(
        "Speak like a pirate.",
        [new Turn("What does a cow say?", "Arr, matey! A cow says moo."), new Turn("And a dog?", "Arr! A dog says woof, matey.")],
        BehaviorCatalog.Pirate,
        [BehaviorContext.None, BehaviorContext.None]);

    [Fact]
    public void FormatWritesExactChatMl()
    {
        var text = ChatMlFormatter.Format(TwoTurns).Text;
        Assert.Equal(
            "<|im_start|>system\nSpeak like a pirate.<|im_end|>\n" +
            "<|im_start|>user\nWhat does a cow say?<|im_end|>\n" +
            "<|im_start|>assistant\nArr, matey! A cow says moo.<|im_end|>\n" +
            "<|im_start|>user\nAnd a dog?<|im_end|>\n" +
            "<|im_start|>assistant\nArr! A dog says woof, matey.<|im_end|>\n",
            text);
    }

    [Fact]
    public void AssistantSpansCoverEachReplyAndItsEndMarker()
    {
        var doc = ChatMlFormatter.Format(TwoTurns);
        Assert.Equal(
            ["Arr, matey! A cow says moo.<|im_end|>", "Arr! A dog says woof, matey.<|im_end|>"],
            doc.AssistantSpans.Select(s => doc.Text.Substring(s.Start, s.Length)));
    }

    [Fact]
    public void NoSystemPromptMeansNoSystemMessage()
    {
        var doc = ChatMlFormatter.Format(null, [new Turn("Hi", "Hello.")]);
        Assert.Equal("<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello.<|im_end|>\n", doc.Text);
        Assert.Equal(new CharSpan(52, 16), doc.AssistantSpans.Single());
    }

    [Fact]
    public void PromptIsTheTrainingTextUpToTheReply()
    {
        var full = ChatMlFormatter.Format(TwoTurns);
        var prompt = ChatMlFormatter.FormatPrompt(TwoTurns.System, ["What does a cow say?", "And a dog?"], ["Arr, matey! A cow says moo."]);
        Assert.Equal(full.Text[..full.AssistantSpans[1].Start], prompt);
        Assert.EndsWith("<|im_start|>assistant\n", prompt);
    }

    [Fact]
    public void PromptNeedsOneMoreUserTurnThanReplies() =>
        Assert.Throws<ArgumentException>(() => ChatMlFormatter.FormatPrompt(null, ["a"], ["b"]));

    [Fact]
    public void GeneratedConversationsHaveOneSpanPerTurn()
    {
        foreach (var c in InstructionWorld.Generate(3, 300))
        {
            var doc = ChatMlFormatter.Format(c);
            Assert.Equal(c.Turns.Select(t => t.Assistant + "<|im_end|>"), doc.AssistantSpans.Select(s => doc.Text.Substring(s.Start, s.Length)));
        }
    }
}
