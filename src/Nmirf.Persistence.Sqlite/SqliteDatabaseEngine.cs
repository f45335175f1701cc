using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Nmirf.BuildingBlocks.Persistence;

namespace Nmirf.Persistence.Sqlite;

/// <summary>SQLite, the embedded default: every module's tables in one file, each with the module's prefix.</summary>
public sealed class SqliteDatabaseEngine : IDatabaseEngine
{
    private readonly string _connectionString;

    public SqliteDatabaseEngine(string connectionString)
    {
        _connectionString = connectionString;
        EnsureDirectory(connectionString);
    }

    public DatabaseProviderKind Kind => DatabaseProviderKind.Sqlite;

    public void Configure(DbContextOptionsBuilder builder, string module) =>
        builder.UseSqlite(_connectionString, sqlite => Configure(sqlite, module));

    public void Configure(DbContextOptionsBuilder builder, string module, DbConnection connection) =>
        builder.UseSqlite(connection, sqlite => Configure(sqlite, module));

    private static void Configure(SqliteDbContextOptionsBuilder sqlite, string module) =>
        sqlite.MigrationsAssembly(typeof(SqliteDatabaseEngine).Assembly.GetName().Name)
            .MigrationsHistoryTable(ModuleNaming.SqliteHistoryTable(module));

    /// <summary>SQLite creates the database file but not its folder (the default is <c>data/nmirf.db</c>).</summary>
    private static void EnsureDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
