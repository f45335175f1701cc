using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Nmirf.BuildingBlocks.Persistence;

namespace Nmirf.Persistence.SqlServer;

/// <summary>
/// SQL Server, the production provider: each module in its own schema with its own migrations history table.
/// Connection retries are not enabled: module saves run in explicit transactions (the change and its audit rows),
/// which EF Core's retrying strategy refuses.
/// </summary>
public sealed class SqlServerDatabaseEngine(string connectionString) : IDatabaseEngine
{
    public DatabaseProviderKind Kind => DatabaseProviderKind.SqlServer;

    public void Configure(DbContextOptionsBuilder builder, string module) =>
        builder.UseSqlServer(connectionString, sqlServer => Configure(sqlServer, module));

    public void Configure(DbContextOptionsBuilder builder, string module, DbConnection connection) =>
        builder.UseSqlServer(connection, sqlServer => Configure(sqlServer, module));

    private static void Configure(SqlServerDbContextOptionsBuilder sqlServer, string module) =>
        sqlServer.MigrationsAssembly(typeof(SqlServerDatabaseEngine).Assembly.GetName().Name)
            .MigrationsHistoryTable("__EFMigrationsHistory", module);
}
