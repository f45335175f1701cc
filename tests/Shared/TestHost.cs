using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nmirf.BuildingBlocks.Persistence;
using Nmirf.BuildingBlocks.Tenancy;
using Nmirf.Host.Composition;

namespace Nmirf.Tests.Shared;

/// <summary>
/// The host's real composition (modules, mediator, plugins staged beside the tests) on a fresh SQLite file created
/// by the real migrations, with a fake clock.
/// </summary>
internal sealed class TestHost : IAsyncDisposable
{
    private readonly string _path;
    private readonly IDictionary<string, string?>? _settings;
    private readonly ServiceProvider _services;
    private bool _keepFile;

    private TestHost(DateTimeOffset now, IDictionary<string, string?>? settings, string? path = null)
    {
        _path = path ?? Path.Combine(Path.GetTempPath(), $"nmirf-host-{Guid.NewGuid():N}.db");
        _settings = settings;
        Clock = new FakeTimeProvider(now);
        var values = new Dictionary<string, string?> { ["ConnectionStrings:Nmirf"] = $"Data Source={_path}" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging().AddNmirf(configuration);
        services.AddSingleton<TimeProvider>(Clock);
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _services;

    public static async Task<TestHost> CreateAsync(DateTimeOffset now, IDictionary<string, string?>? settings = null)
    {
        var host = new TestHost(now, settings);
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        return host;
    }

    /// <summary>
    /// Stops this host (its services disposed, as at a process exit) and opens a new one on the same database file,
    /// at the same time on its own fake clock: what a restart looks like to the code under test.
    /// </summary>
    public async Task<TestHost> RestartAsync()
    {
        _keepFile = true;
        var now = Clock.GetUtcNow();
        await DisposeAsync();
        var host = new TestHost(now, _settings, _path);
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        return host;
    }

    /// <summary>Sends a request in a scope of its own, as the CLI and the API do, acting for <paramref name="country"/> when given.</summary>
    public async Task<T> SendAsync<T>(IRequest<T> request, string? country = null) => await InScopeAsync(sender => sender.Send(request), country);

    public async Task<T> SendAsync<T>(ICommand<T> command, string? country = null) => await InScopeAsync(sender => sender.Send(command), country);

    public async Task<T> SendAsync<T>(IQuery<T> query, string? country = null) => await InScopeAsync(sender => sender.Send(query), country);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (!_keepFile)
        {
            File.Delete(_path);
        }
    }

    private async Task<T> InScopeAsync<T>(Func<ISender, ValueTask<T>> send, string? country)
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(country);
        scope.ServiceProvider.GetRequiredService<ActorContext>().Use("test");
        return await send(scope.ServiceProvider.GetRequiredService<ISender>());
    }
}
