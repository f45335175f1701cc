using Nmirf.BuildingBlocks.Bodies;
using Nmirf.BuildingBlocks.Persistence;
using Nmirf.BuildingBlocks.Tenancy;
using Nmirf.Host.Composition;
using Nmirf.Host.Plugins;

namespace Nmirf.Host.Cli;

/// <summary>Runs a verb against the database directly, with the rights of whoever runs it (like a database console).</summary>
internal static class CliServices
{
    public static async Task<int> RunAsync(HostSettings settings, Func<IServiceProvider, CancellationToken, Task<int>> verb, CancellationToken cancellationToken, bool migrate = true)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(settings.ConfigurationOverrides);
        // Verbs print their own results on standard output; warnings and errors are logged to standard error.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddNmirf(builder.Configuration);

        using var host = builder.Build();
        foreach (var problem in PluginCatalog.Problems(host.Services.GetRequiredService<IBodyCatalog>()))
        {
            await (settings.Errors ?? Console.Error).WriteLineAsync($"warning: {problem}");
        }
        if (migrate)
        {
            // Like the server, a verb first brings the database up to date, so it never runs on an old schema.
            await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        }

        using var scope = host.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Use($"cli:{Environment.UserName}");
        return await verb(scope.ServiceProvider, cancellationToken);
    }
}
