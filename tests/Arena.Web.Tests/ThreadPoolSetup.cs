using System.Runtime.CompilerServices;

namespace Arena.Web.Tests;

/// <summary>
/// Integration fixtures start whole hosts (web app, workers, a broker's virtual host through a script) while bUnit
/// tests in other collections run beside them. On a 2-core machine the thread pool starts with 2 threads and grows by
/// about one a second, so a bUnit wait could time out before its renderer's dispatcher ever ran (seen once in CI:
/// "the wait condition was never checked"). More threads from the start, as bUnit advises.
/// </summary>
internal static class ThreadPoolSetup
{
    [ModuleInitializer]
    internal static void RaiseMinThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount * 8), io);
    }
}
