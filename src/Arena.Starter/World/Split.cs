namespace Arena.Starter.World;

/// <summary>
/// Which part of the world to draw from. <see cref="HeldOut"/> uses entity names, system-prompt templates,
/// question templates, sign-off names and required words that never occur in <see cref="Train"/>, so an
/// evaluation on it measures generalisation rather than recall of training strings.
/// </summary>
public enum Split
{
    Train,
    HeldOut,
}
