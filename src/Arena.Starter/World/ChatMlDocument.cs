namespace Arena.Starter.World;

/// <summary>
/// A conversation rendered as ChatML, with the character ranges the loss is computed on: each assistant
/// message's content followed by its <c>&lt;|im_end|&gt;</c>, so the model learns both the reply and when to stop.
/// </summary>
public sealed record ChatMlDocument(string Text, IReadOnlyList<CharSpan> AssistantSpans);
