using Microsoft.Extensions.Options;

namespace Arena.Worker.Hosting;

/// <summary>
/// This process's identity on the bus. Cancels are published to every instance through a temporary queue named with
/// <see cref="Id"/>; the random suffix keeps two workers that share a configured name from sharing that queue.
/// </summary>
public sealed class WorkerInstance(IOptions<WorkerOptions> options)
{
    public string Id { get; } = Sanitize(options.Value.WorkerName) + "-" + Guid.NewGuid().ToString("N")[..6];

    static string Sanitize(string name)
    {
        var s = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray()).Trim('-');
        return s.Length == 0 ? "worker" : s.Length > 40 ? s[..40] : s;
    }
}
