using System.Diagnostics;
using Npgsql;

namespace Arena.Testing;

/// <summary>
/// The real PostgreSQL the storage tests run against. infra/test.sh starts the project's own cluster and exports
/// ARENA_TEST_DB; run from an IDE, this starts it the same way (infra/postgres.sh). No PostgreSQL is a failure, not
/// a skip: a storage test that silently does not run proves nothing. Each test class gets its own schema.
/// </summary>
public static class TestDatabase
{
    static readonly Lazy<string> Connection = new(Resolve);

    public static string ConnectionString => Connection.Value;

    /// <summary>A fresh schema name (the caller's store creates it); drop it with <see cref="DropSchema"/>.</summary>
    public static string NewSchema(string prefix = "t") => $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 33)];

    public static async Task DropSchema(string schema)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"drop schema if exists \"{schema}\" cascade", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    static string Resolve()
    {
        var cs = Environment.GetEnvironmentVariable("ARENA_TEST_DB");
        if (string.IsNullOrWhiteSpace(cs))
        {
            var script = Path.Combine(RepoPaths.Root, "infra", "postgres.sh");
            var psi = new ProcessStartInfo("bash", [script, "start"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            psi.Environment["ARENA_PG_FAST"] = "1";
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEnd();
            var error = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException($"could not start PostgreSQL with {script}: {error}");
            cs = output.Trim().Split('\n')[^1].Replace("Database=arena", "Database=arena_test");
        }
        using var conn = new NpgsqlConnection(cs);
        conn.Open();   // fail here, clearly, if the server is not there
        return cs;
    }
}
