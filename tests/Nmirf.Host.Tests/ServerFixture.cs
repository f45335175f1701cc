using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Nmirf.Host.Tests;

/// <summary>
/// The real `nmirf` executable, started as its own process on a free loopback port with a fresh database; it
/// migrates and seeds the demo data as a newcomer's first run does.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime, IDisposable
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"nmirf-e2e-{Guid.NewGuid():N}.db");
    private readonly StringBuilder _log = new();
    private Process? _process;

    public HttpClient Client { get; private set; } = null!;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        var host = Path.Combine(AppContext.BaseDirectory, "nmirf.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { host, "serve", "--urls", "http://127.0.0.1:0", "--connection-string", $"Data Source={_databasePath}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) =>
        {
            Append(e.Data);
            const string marker = "Nmirf is listening on ";
            if (e.Data?.StartsWith(marker, StringComparison.Ordinal) == true)
            {
                listening.TrySetResult(new Uri(e.Data[marker.Length..].Split(' ')[0]));
            }
        };
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("nmirf exited before listening:\n" + Log));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Client = new HttpClient { BaseAddress = address };
    }

    public void Dispose() => DisposeAsync().GetAwaiter().GetResult();

    public Task DisposeAsync()
    {
        Client?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        _process = null;
        SqliteConnection.ClearAllPools();
        File.Delete(_databasePath);
        return Task.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
