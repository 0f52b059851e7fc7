namespace Arena.Engine.Tokenization;

/// <summary>One stage of a Hugging Face pre-tokenizer: turns a piece of text into smaller pieces.</summary>
internal abstract class PreTokenizeStep
{
    public abstract void Apply(string piece, List<string> output);

    /// <summary>Runs the stages in order over a text, as HF's Sequence pre-tokenizer does.</summary>
    public static List<string> Run(IReadOnlyList<PreTokenizeStep> steps, string text)
    {
        var pieces = new List<string> { text };
        foreach (PreTokenizeStep step in steps)
        {
            var next = new List<string>(pieces.Count * 2);
            foreach (string piece in pieces)
            {
                step.Apply(piece, next);
            }

            pieces = next;
        }

        return pieces;
    }
}

/// <summary>HF "Split": regex matches become pieces; text between them is kept (Isolated) or dropped (Removed).</summary>
internal sealed class RegexSplitStep(CodePointRegex regex, bool removeMatches) : PreTokenizeStep
{
    public override void Apply(string piece, List<string> output)
    {
        int position = 0;
        foreach ((int start, int length) in regex.Matches(piece))
        {
            if (start > position)
            {
                output.Add(piece[position..start]);
            }

            if (!removeMatches)
            {
                output.Add(piece.Substring(start, length));
            }

            position = start + length;
        }

        if (position < piece.Length)
        {
            output.Add(piece[position..]);
        }
    }
}

/// <summary>ByteLevel's add_prefix_space: " " in front of every piece that does not start with one.</summary>
internal sealed class PrefixSpaceStep : PreTokenizeStep
{
    public override void Apply(string piece, List<string> output) =>
        output.Add(piece.StartsWith(' ') ? piece : " " + piece);
}

/// <summary>HF "Digits": digits apart from other text, each alone when <paramref name="individual"/>.</summary>
internal sealed class DigitsStep(bool individual) : PreTokenizeStep
{
    public override void Apply(string piece, List<string> output)
    {
        int start = 0;
        for (int i = 1; i <= piece.Length; i++)
        {
            bool boundary = i == piece.Length
                || char.IsNumber(piece[i]) != char.IsNumber(piece[i - 1])
                || (individual && char.IsNumber(piece[i]));
            if (boundary)
            {
                output.Add(piece[start..i]);
                start = i;
            }
        }
    }
}
