using System.Runtime.CompilerServices;
using Arena.Engine.Modules;
using Arena.Engine.Tokenization;

namespace Arena.Engine.Generation;

/// <summary>
/// Chat in, text deltas out: renders each conversation with the model's chat format, generates them as one batch,
/// and streams decoded text per row, ending a row on the tokenizer's stop ids (eos, end of turn) or a stop string.
/// </summary>
public sealed class TextGenerator(CausalLM model, TextTokenizer tokenizer)
{
    public CausalLM Model => model;

    public int[] Encode(IReadOnlyList<ChatMessage> conversation) => tokenizer.EncodeChat(conversation, addGenerationPrompt: true);

    public IAsyncEnumerable<TextDelta> Chat(IReadOnlyList<IReadOnlyList<ChatMessage>> conversations, SamplingOptions options, CancellationToken ct = default) =>
        Complete(conversations.Select(Encode).ToList(), options, ct);

    /// <summary>Streams completions of already-tokenised prompts.</summary>
    public async IAsyncEnumerable<TextDelta> Complete(IReadOnlyList<int[]> prompts, SamplingOptions options, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var stopIds = tokenizer.StopIds.Concat(options.StopTokenIds).Distinct().ToList();
        var decoders = prompts.Select(_ => tokenizer.CreateStreamingDecoder(skipSpecial: true)).ToArray();
        var filters = prompts.Select(_ => new StopStringFilter(options.StopStrings)).ToArray();
        var counts = new int[prompts.Count];
        var generator = new TokenGenerator(model);
        await foreach (var step in generator.Generate(prompts, options with { StopTokenIds = stopIds }, ct))
        {
            for (int i = 0; i < step.Rows.Count; i++)
            {
                var row = step.Rows[i];
                var token = step.Tokens[i];
                counts[row]++;
                var isStopToken = stopIds.Contains(token);
                var (text, stopped) = filters[row].Push(isStopToken ? decoders[row].Flush() : decoders[row].Push(token));
                var finish = stopped || isStopToken ? FinishReason.Stop : step.Finished[i] ? FinishReason.Length : FinishReason.None;
                if (finish == FinishReason.Length) text += filters[row].Push(decoders[row].Flush()).Text + filters[row].Flush();
                if (stopped) step.Stop(row);
                if (text.Length > 0 || finish != FinishReason.None) yield return new TextDelta(row, text, counts[row], finish);
            }
        }
    }
}
