using Mediator;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Nmirf.BuildingBlocks.Persistence;
using Nmirf.Host.Api;
using Nmirf.Host.Composition;
using Nmirf.Host.Demo;
using Nmirf.Mandates.Countries;

namespace Nmirf.Host.Cli;

/// <summary><c>nmirf serve</c>: migrate, seed the demo data into an empty database unless told not to, and serve the API.</summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(HostSettings settings, bool noDemo, TextWriter stdout, CancellationToken cancellationToken)
    {
        await using var app = ApiHost.Build(settings);
        var migrated = await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        foreach (var (module, applied) in migrated.Where(m => m.Applied.Count > 0))
        {
            await stdout.WriteLineAsync($"Migrated {module}: {string.Join(", ", applied)}");
        }

        if (!noDemo)
        {
            await SeedIfEmptyAsync(app.Services, stdout, cancellationToken);
        }

        await app.StartAsync(cancellationToken);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            await stdout.WriteLineAsync($"Nmirf is listening on {address} (OpenAPI: {address}/openapi/v1.json). Press Ctrl+C to stop.");
        }

        await stdout.FlushAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
        return CliApp.Done;
    }

    private static async Task SeedIfEmptyAsync(IServiceProvider services, TextWriter stdout, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var countries = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ListCountries(), cancellationToken);
        if (countries.Count > 0)
        {
            return;
        }

        var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken: cancellationToken);
        if (!seeded.IsSuccess)
        {
            throw new InvalidOperationException("The demo data breaks the mandate rules: " + string.Join("; ", seeded.Errors));
        }

        await stdout.WriteLineAsync($"The database was empty: loaded the demo data ({string.Join(", ", seeded.Value.Mandates.Select(s => s.Country))}). Start with --no-demo to skip this.");
        await DatabaseCommands.WriteDemoAccountsAsync(stdout, seeded.Value.NewAccounts);
    }
}
