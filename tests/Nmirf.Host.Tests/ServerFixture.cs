using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Nmirf.Host.Cli;

namespace Nmirf.Host.Tests;

/// <summary>
/// The real `nmirf` executable, started as its own process on a free loopback port with a fresh database; it
/// migrates and seeds the demo data (with its demo accounts) as a newcomer's first run does. <see cref="Client"/>
/// calls as a network administrator created with `nmirf users create-admin`, as the README tells.
/// </summary>
public class ServerFixture : IAsyncLifetime, IDisposable
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"nmirf-e2e-{Guid.NewGuid():N}.db");
    private readonly StringBuilder _log = new();
    private readonly List<HttpClient> _clients = [];
    private Process? _process;

    public Uri Address { get; private set; } = null!;

    /// <summary>A network administrator's client.</summary>
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

    /// <summary>Settings given to the server as environment variables.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Security__SignInPermitsPerMinute"] = "1000",
        ["Security__ImportPermitsPerMinute"] = "1000",
        // No test of this server waits for a workflow step; the engine's start-up sweep would only slow the start.
        ["Workflows__RunEngine"] = "false",
    };

    public async Task InitializeAsync()
    {
        Address = await StartProcessAsync("http://127.0.0.1:0");
        var admin = await RunCliAsync("users", "create-admin", "--email", "e2e.network@example.org");
        Client = WithToken(Regex.Match(admin, @"nmirf_[A-Za-z0-9_-]+").Value);
    }

    /// <summary>Kills the server outright (no graceful stop), as a power cut or an OOM kill would; the database stays.</summary>
    public void Kill()
    {
        _process?.Kill(entireProcessTree: true);
        _process?.WaitForExit(10_000);
        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts the server again on the same database and address.</summary>
    public async Task RestartAsync() => await StartProcessAsync(Address.GetLeftPart(UriPartial.Authority));

    private async Task<Uri> StartProcessAsync(string urls)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "nmirf.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { host, "serve", "--urls", urls, "--connection-string", ConnectionString },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in Settings)
        {
            start.Environment[key] = value;
        }

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

        return await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private string ConnectionString => $"Data Source={_databasePath}";

    /// <summary>A client without credentials.</summary>
    public HttpClient Anonymous() => WithToken(null);

    /// <summary>A client acting for <paramref name="email"/>, with a new token of theirs.</summary>
    public async Task<HttpClient> ClientForAsync(string email)
    {
        var output = await RunCliAsync("tokens", "create", "--email", email, "--name", "e2e");
        return WithToken(output.Trim().Split('\n')[^1].Trim());
    }

    /// <summary>The password of a demo account, as the server printed it at its first start.</summary>
    public string DemoPassword(string email) =>
        Regex.Match(Log, Regex.Escape(email) + @"\s+.*?\s+([A-Za-z0-9]{20})\s*$", RegexOptions.Multiline).Groups[1].Value;

    /// <summary>Runs a CLI verb in this process on the server's database, as an operator would on the server.</summary>
    public async Task<string> RunCliAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await CliApp.RunAsync([.. args, "--connection-string", ConnectionString], stdout, stderr);
        return exitCode == 0 ? stdout.ToString() : throw new InvalidOperationException($"nmirf {string.Join(' ', args)} failed: {stderr}");
    }

    public HttpClient WithToken(string? token)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = Address };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        lock (_clients)
        {
            _clients.Add(client);
        }

        return client;
    }

    public void Dispose()
    {
        DisposeAsync().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }

    public Task DisposeAsync()
    {
        lock (_clients)
        {
            _clients.ForEach(c => c.Dispose());
            _clients.Clear();
        }

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

/// <summary>A server whose sign-in is limited to three attempts a minute, to see the limit work.</summary>
public sealed class RateLimitedServerFixture : ServerFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Security__SignInPermitsPerMinute"] = "3",
        ["Workflows__RunEngine"] = "false",
    };
}

/// <summary>A server with the engine running, short leases and fast polling, to be killed and restarted.</summary>
public sealed class KillableServerFixture : ServerFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Security__SignInPermitsPerMinute"] = "1000",
        ["Security__ImportPermitsPerMinute"] = "1000",
        ["Workflows__RunEngine"] = "true",
        ["Workflows__Timers__AutoStartLead"] = "",
        ["Workflows__PollInterval"] = "00:00:00.250",
        ["Workflows__LockLease"] = "00:00:03",
    };
}

/// <summary>A server that runs the workflow engine, without starting the demo countries' cycles on its own.</summary>
public sealed class WorkflowServerFixture : ServerFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Security__SignInPermitsPerMinute"] = "1000",
        ["Security__ImportPermitsPerMinute"] = "1000",
        ["Workflows__RunEngine"] = "true",
        ["Workflows__Timers__AutoStartLead"] = "",
    };
}
