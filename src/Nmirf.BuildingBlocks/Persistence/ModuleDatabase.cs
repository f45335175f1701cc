using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Nmirf.BuildingBlocks.Persistence;

/// <summary>A module's DbContext as known to the migrator; modules register one each.</summary>
public sealed record ModuleDatabase(string Module, Type ContextType, int Order);

/// <summary>The state of one module's database, as <c>GET /health</c> reports it.</summary>
public sealed record ModuleDatabaseStatus(string Module, IReadOnlyList<string> AppliedMigrations, IReadOnlyList<string> PendingMigrations);

public static class ModuleDatabaseRegistration
{
    /// <summary>Registers <typeparamref name="TContext"/> for <paramref name="module"/>, configured by the chosen <see cref="IDatabaseEngine"/>.</summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, string module, int order = 100)
        where TContext : DbContext
    {
        services.AddDbContext<TContext>((sp, builder) => sp.GetRequiredService<IDatabaseEngine>().Configure(builder, module));
        services.AddSingleton(new ModuleDatabase(module, typeof(TContext), order));
        return services;
    }
}

/// <summary>Creates or upgrades every module's tables, in module order, and reports their state.</summary>
public sealed class DatabaseMigrator(IServiceProvider services, IEnumerable<ModuleDatabase> modules)
{
    private IEnumerable<ModuleDatabase> Ordered => modules.OrderBy(m => m.Order).ThenBy(m => m.Module, StringComparer.Ordinal);

    /// <summary>Applies every pending migration; returns the names of those applied, per module.</summary>
    public async Task<IReadOnlyList<(string Module, IReadOnlyList<string> Applied)>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var applied = new List<(string, IReadOnlyList<string>)>();
        foreach (var module in Ordered)
        {
            using var scope = services.CreateScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                await context.Database.MigrateAsync(cancellationToken);
            }

            applied.Add((module.Module, pending));
        }

        return applied;
    }

    public async Task<IReadOnlyList<ModuleDatabaseStatus>> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var statuses = new List<ModuleDatabaseStatus>();
        foreach (var module in Ordered)
        {
            using var scope = services.CreateScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            var applied = await context.Database.GetAppliedMigrationsAsync(cancellationToken);
            var pending = await context.Database.GetPendingMigrationsAsync(cancellationToken);
            statuses.Add(new ModuleDatabaseStatus(module.Module, applied.ToList(), pending.ToList()));
        }

        return statuses;
    }
}
