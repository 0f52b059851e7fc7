namespace Arena.Evaluation.Running;

/// <summary>How far a run is: replies written out of all it needs.</summary>
public sealed record EvaluationProgress(int Done, int Total)
{
    public double Fraction => Total == 0 ? 1 : (double)Done / Total;
}
