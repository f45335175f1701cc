using Microsoft.Data.Sqlite;
using Nmirf.Host.Cli;

namespace Nmirf.Host.Tests;

/// <summary>Runs `nmirf` verbs in process against a database file of the test's own.</summary>
internal sealed class CliRunner : IDisposable
{
    public CliRunner()
    {
        DatabasePath = Path.Combine(Path.GetTempPath(), $"nmirf-cli-{Guid.NewGuid():N}.db");
        WorkFolder = Directory.CreateTempSubdirectory("nmirf-cli-").FullName;
    }

    public string DatabasePath { get; }
    public string WorkFolder { get; }

    public async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await CliApp.RunAsync([.. args, "--connection-string", $"Data Source={DatabasePath}"], stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    public string WriteFile(string name, string text)
    {
        var path = Path.Combine(WorkFolder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(DatabasePath);
        Directory.Delete(WorkFolder, recursive: true);
    }
}
