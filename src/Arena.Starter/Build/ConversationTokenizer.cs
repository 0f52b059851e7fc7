using Arena.Engine.Tokenization;
using Arena.Starter.Training;
using Arena.Starter.World;

namespace Arena.Starter.Build;

/// <summary>
/// Turns a conversation into a training example: ChatML token ids, with the loss on assistant replies (and their
/// closing &lt;|im_end|&gt;) only — the model learns to answer, not to imitate users or system prompts.
/// </summary>
public sealed class ConversationTokenizer(TextTokenizer tokenizer)
{
    public TrainingExample Tokenize(Conversation conversation)
    {
        var doc = ChatMlFormatter.Format(conversation);
        var ids = new List<int>();
        var mask = new List<bool>();
        var at = 0;
        // Encoding piece by piece keeps span boundaries exact; they fall on pre-token boundaries (after "\n"),
        // so the ids equal those of encoding the whole text.
        foreach (var span in doc.AssistantSpans)
        {
            Add(doc.Text[at..span.Start], false);
            Add(doc.Text[span.Start..span.End], true);
            at = span.End;
        }
        Add(doc.Text[at..], false);
        return new TrainingExample([.. ids], [.. mask]);

        void Add(string text, bool trained)
        {
            if (text.Length == 0) return;
            var piece = tokenizer.Encode(text);
            ids.AddRange(piece);
            mask.AddRange(Enumerable.Repeat(trained, piece.Length));
        }
    }
}
