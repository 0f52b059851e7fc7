using Arena.Engine.Generation;
using Arena.Engine.Lora;
using Arena.Engine.Tokenization;
using Arena.Evaluation.Running;

namespace Arena.Engine.Evaluation;

/// <summary>
/// Writes an evaluation's replies with a loaded model: requests in batches of <see cref="RowsPerBatch"/>, the
/// evaluated adapters switched on or off per call (off: the model they were added to). A request whose conversation
/// fills the context gets no reply (an error for its item); one that leaves less room than the reply length gets the
/// room there is, unless <see cref="FullRepliesOnly"/> makes that an error too.
/// </summary>
/// <param name="adapters">The adapters that make "the model" differ from "the base": a whole stack's for
/// <c>arena eval</c>, only the new one for a bake's report card (its parent's adapters stay on).</param>
public sealed class ModelReplySource(LanguageModel language, IReadOnlyList<string> adapters, SamplingOptions options) : IReplySource
{
    /// <summary>The stack's base is the base; all its adapters are the model.</summary>
    public ModelReplySource(ModelStack stack, SamplingOptions options) : this(stack.Language, [.. stack.Adapters.Select(a => a.Name)], options)
    {
    }

    /// <summary>Rows generated together: the batch the engine is fastest at on a CPU for short replies.</summary>
    public int RowsPerBatch { get; init; } = 32;

    /// <summary>
    /// Refuse a request that leaves less room than a full reply instead of writing a shorter one: a decay curve
    /// compares turns, and a reply cut short by the context at a late turn would count as the prompt fading.
    /// </summary>
    public bool FullRepliesOnly { get; init; }

    public async Task<IReadOnlyList<Reply>> WriteAsync(bool adapted, IReadOnlyList<ReplyRequest> requests, CancellationToken ct)
    {
        var model = language.Model;
        foreach (var adapter in adapters) model.SetEnabled(adapter, adapted);
        var tokenizer = language.Tokenizer;
        var generator = language.Generator();
        var context = model.Config.MaxPositionEmbeddings;
        var prompts = requests.Select(r => tokenizer.EncodeChat(Messages(r), addGenerationPrompt: true)).ToList();
        var replies = new Reply?[requests.Count];
        for (var i = 0; i < prompts.Count; i++)
            if (prompts[i].Length >= context)
                replies[i] = new Reply("", $"the conversation is {prompts[i].Length} tokens, as long as the model's context of {context} or longer");
            else if (FullRepliesOnly && prompts[i].Length + options.MaxNewTokens > context)
                replies[i] = new Reply("", $"the conversation is {prompts[i].Length} tokens: with a reply of {options.MaxNewTokens} it passes the model's context of {context}");
        // Rows that fit a full reply go in batches; the few that only fit a shorter one go alone with the room left.
        var fits = Enumerable.Range(0, prompts.Count).Where(i => replies[i] is null && prompts[i].Length + options.MaxNewTokens <= context).ToList();
        foreach (var batch in fits.Chunk(RowsPerBatch))
            await Generate(generator, batch, prompts, options, replies, ct);
        foreach (var i in Enumerable.Range(0, prompts.Count).Where(i => replies[i] is null))
            await Generate(generator, [i], prompts, options with { MaxNewTokens = context - prompts[i].Length }, replies, ct);
        return replies.Select(r => r!).ToList();
    }

    static async Task Generate(TextGenerator generator, int[] rows, List<int[]> prompts, SamplingOptions options, Reply?[] replies, CancellationToken ct)
    {
        var texts = new string[rows.Length];
        await foreach (var delta in generator.Complete([.. rows.Select(i => prompts[i])], options, ct))
            texts[delta.Row] += delta.Text;
        for (var r = 0; r < rows.Length; r++) replies[rows[r]] = new Reply((texts[r] ?? "").Trim());
    }

    static List<ChatMessage> Messages(ReplyRequest request)
    {
        var messages = new List<ChatMessage>();
        if (request.System is not null) messages.Add(new ChatMessage("system", request.System));
        messages.AddRange(request.Turns.Select(t => new ChatMessage(t.Role, t.Content)));
        return messages;
    }
}
