using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Nmirf.BuildingBlocks.Persistence;

/// <summary>The database engines the system runs on.</summary>
public enum DatabaseProviderKind
{
    /// <summary>The embedded default: one file under <c>data/</c>.</summary>
    Sqlite,
    /// <summary>The production provider; several hosts may share one server.</summary>
    SqlServer,
}

/// <summary>The <c>Database</c> section of the configuration, with the <c>Nmirf</c> connection string.</summary>
public sealed class DatabaseOptions
{
    public const string DefaultSqliteConnectionString = "Data Source=data/nmirf.db";

    public DatabaseProviderKind Provider { get; set; } = DatabaseProviderKind.Sqlite;
    public string ConnectionString { get; set; } = DefaultSqliteConnectionString;
}

/// <summary>
/// Configures a module's DbContext for one engine: the connection, the assembly holding that engine's migrations,
/// and the module's own migrations history table. Implemented once per engine, in the persistence assemblies.
/// </summary>
public interface IDatabaseEngine
{
    DatabaseProviderKind Kind { get; }

    /// <summary>Configures <paramref name="builder"/> for <paramref name="module"/> on a connection of its own.</summary>
    void Configure(DbContextOptionsBuilder builder, string module);

    /// <summary>Configures <paramref name="builder"/> for <paramref name="module"/> on an open connection shared with another context.</summary>
    void Configure(DbContextOptionsBuilder builder, string module, DbConnection connection);
}

/// <summary>The naming rules of module tables, shared by the provider configurations and the module base context.</summary>
public static class ModuleNaming
{
    /// <summary>The migrations history table of a module on SQLite, where there are no schemas.</summary>
    public static string SqliteHistoryTable(string module) => $"__EFMigrationsHistory_{module}";

    /// <summary>The table name of an entity on SQLite: the module's prefix and the entity's table name.</summary>
    public static string SqliteTable(string module, string table) => $"{module}_{table}";

    public const string SqlServerProviderName = "Microsoft.EntityFrameworkCore.SqlServer";

    /// <summary>
    /// Puts a module's tables in its schema (SQL Server) or gives them its prefix (SQLite). Called at the end of
    /// <c>OnModelCreating</c> by every module context, including those with another base class (Identity's).
    /// </summary>
    public static void Apply(Microsoft.EntityFrameworkCore.ModelBuilder modelBuilder, string module, string? providerName)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        if (providerName == SqlServerProviderName)
        {
            modelBuilder.HasDefaultSchema(module);
            return;
        }

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (entity.IsOwned() || entity.GetTableName() is not { } table || table.StartsWith(module + "_", StringComparison.Ordinal))
            {
                continue;
            }

            entity.SetTableName(SqliteTable(module, table));
        }
    }
}
