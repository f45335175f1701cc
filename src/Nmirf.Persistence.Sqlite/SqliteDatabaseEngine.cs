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
        builder.UseSqlite(_connectionString, sqlite => Configure(sqlite, module)).AddInterceptors(ConnectionSettings.Instance);

    public void Configure(DbContextOptionsBuilder builder, string module, DbConnection connection) =>
        builder.UseSqlite(connection, sqlite => Configure(sqlite, module)).AddInterceptors(ConnectionSettings.Instance);

    private static void Configure(SqliteDbContextOptionsBuilder sqlite, string module) =>
        sqlite.MigrationsAssembly(typeof(SqliteDatabaseEngine).Assembly.GetName().Name)
            .MigrationsHistoryTable(ModuleNaming.SqliteHistoryTable(module));

    /// <summary>
    /// Settings of every connection: write-ahead logging (the server and the CLI read while the other writes), a wait
    /// instead of an error when the database is busy, and a 32 MB page cache per connection for lists of a few hundred
    /// thousand recommendations, rather than SQLite's 2 MB default. With write-ahead logging, <c>synchronous =
    /// NORMAL</c> syncs the log at checkpoints rather than at every commit: a commit survives a crash of the process
    /// (a killed server loses nothing), and the database is never corrupted, but the last commits before a power cut or
    /// an operating-system crash may be lost. Every commit of a workflow step costs a disk sync otherwise, several
    /// times the work of the step (docs/benchmarks.md). Temporary storage in memory: a statement that fires triggers
    /// (the search index's, the kept counts') keeps its statement journal there rather than in a temporary file, which
    /// cost an import of many rows about a fifth of its time; the temporary tables and sorts of this system's queries
    /// are small (a page of matches is sorted only when there are few).
    /// </summary>
    public const string ConnectionPragmas = "PRAGMA journal_mode = WAL; PRAGMA cache_size = -32768; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY;";

    /// <summary>Gives every connection <see cref="ConnectionPragmas"/> and the write waits, once per physical connection.</summary>
    private sealed class ConnectionSettings : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
    {
        public static readonly ConnectionSettings Instance = new();

        // Connections are pooled: the settings are given once per physical connection, not at every logical open.
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Configured = [];

        public override void ConnectionOpened(DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
        {
            if (!FirstOpen(connection))
            {
                return;
            }

            WaitForWrites(connection);
            using var command = connection.CreateCommand();
            command.CommandText = ConnectionPragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (!FirstOpen(connection))
            {
                return;
            }

            WaitForWrites(connection);
            await using var command = connection.CreateCommand();
            command.CommandText = ConnectionPragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        /// <summary>How the connection waits for the write lock (<see cref="WriteLockWaits"/>), set before anything else: even switching to write-ahead logging may wait.</summary>
        private static void WaitForWrites(DbConnection connection)
        {
            if (connection is SqliteConnection { Handle: { } handle })
            {
                WriteLockWaits.Install(handle.DangerousGetHandle());
            }
        }

        private static bool FirstOpen(DbConnection connection) =>
            connection is not Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle } || Configured.TryAdd(handle, handle);
    }

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
