namespace Arena.Worker.Hosting;

/// <summary>One line for the user out of an exception: its message, without stack trace or inner details.</summary>
public static class FailureReason
{
    const int MaxLength = 400;

    public static string For(Exception e)
    {
        var line = (e.Message ?? e.GetType().Name).Split('\n', 2)[0].Trim();
        if (line.Length == 0) line = e.GetType().Name;
        return line.Length <= MaxLength ? line : line[..(MaxLength - 1)] + "…";
    }
}
