using Arena.Engine.Lora;

namespace Arena.Engine.Baking;

/// <summary>A bake that had to stop (e.g. a non-finite loss). <see cref="LastGood"/> is the last adapter worth keeping, if any.</summary>
public sealed class BakeException(string message, LoraAdapter? lastGood = null) : Exception(message)
{
    public LoraAdapter? LastGood { get; } = lastGood;
}
