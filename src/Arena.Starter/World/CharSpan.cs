namespace Arena.Starter.World;

/// <summary>A range of characters in a string: [<paramref name="Start"/>, <see cref="End"/>).</summary>
public readonly record struct CharSpan(int Start, int Length)
{
    /// <summary>One past the last character.</summary>
    public int End => Start + Length;
}
