namespace Arena.Engine.Baking;

/// <summary>
/// One sampled reply to a query, tokenised for both sides: the teacher sees the prompt u (as system prompt or prefix),
/// the student does not. Reply holds the generated tokens, including the stop token when the reply ended with one,
/// so the student learns where the prompted model stops.
/// </summary>
public sealed record Trajectory(string Query, int[] TeacherPrompt, int[] StudentPrompt, int[] Reply, bool EndedWithStop, bool HeldOut)
{
    public int[] TeacherSequence => [.. TeacherPrompt, .. Reply];
    public int[] StudentSequence => [.. StudentPrompt, .. Reply];
}
