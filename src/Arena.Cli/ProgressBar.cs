namespace Arena.Cli;

/// <summary>
/// One status line on stderr: redrawn in place on a terminal, printed at most every few seconds otherwise
/// (so logs of CI runs stay readable).
/// </summary>
public sealed class ProgressBar
{
    readonly bool interactive = !Console.IsErrorRedirected;
    DateTime lastPrint = DateTime.MinValue;
    string last = "";

    public void Update(string phase, double fraction, string detail, TimeSpan? eta, bool force = false)
    {
        fraction = Math.Clamp(double.IsFinite(fraction) ? fraction : 0, 0, 1);
        const int width = 24;
        var filled = (int)Math.Round(fraction * width);
        var bar = new string('█', filled) + new string('░', width - filled);
        var etaText = eta is { } e ? $" ETA {(int)e.TotalMinutes}:{e.Seconds:00}" : "";
        var line = $"{phase,-10} {bar} {fraction * 100,5:F1}% {detail}{etaText}";
        if (interactive)
        {
            Console.Error.Write("\r" + line.PadRight(Math.Max(line.Length, last.Length)));
            last = line;
        }
        else if (force || DateTime.UtcNow - lastPrint > TimeSpan.FromSeconds(5))
        {
            Console.Error.WriteLine(line);
            lastPrint = DateTime.UtcNow;
        }
    }

    public void Done()
    {
        if (interactive && last.Length > 0) Console.Error.WriteLine();
        last = "";
    }
}
