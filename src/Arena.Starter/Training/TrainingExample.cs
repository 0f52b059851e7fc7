namespace Arena.Starter.Training;

/// <summary>One training sequence: token ids and, per position, whether predicting that token counts in the loss.</summary>
public sealed record TrainingExample(int[] Ids, bool[] LossMask)
{
    public int Length => Ids.Length;
}
