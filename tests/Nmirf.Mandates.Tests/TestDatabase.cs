using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Nmirf.BuildingBlocks.Auditing;
using Nmirf.BuildingBlocks.Tenancy;
using Nmirf.Persistence.Sqlite;

namespace Nmirf.Mandates.Tests;

/// <summary>A fresh SQLite database file per test, created by the real migrations, with a fake clock.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    private readonly string _path;

    private TestDatabase(string path)
    {
        _path = path;
        Engine = new SqliteDatabaseEngine($"Data Source={path}");
    }

    public SqliteDatabaseEngine Engine { get; }
    public FakeTimeProvider Clock { get; } = new(Now);
    public TenantContext Tenant { get; } = new();
    public ActorContext Actor { get; } = new();

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase(Path.Combine(Path.GetTempPath(), $"nmirf-test-{Guid.NewGuid():N}.db"));
        database.Actor.Use("test:admin");
        await using (var audit = database.Audit())
        {
            await audit.Database.MigrateAsync();
        }

        await using (var mandates = database.Mandates())
        {
            await mandates.Database.MigrateAsync();
        }

        return database;
    }

    public MandatesDbContext Mandates()
    {
        var builder = new DbContextOptionsBuilder<MandatesDbContext>();
        Engine.Configure(builder, MandatesDbContext.ModuleName);
        return new MandatesDbContext(builder.Options, new ModuleContextServices(Tenant, Actor, Clock, Engine));
    }

    public AuditDbContext Audit()
    {
        var builder = new DbContextOptionsBuilder<AuditDbContext>();
        Engine.Configure(builder, AuditDbContext.ModuleName);
        return new AuditDbContext(builder.Options);
    }

    public async Task<List<AuditEntry>> AuditLogAsync()
    {
        await using var audit = Audit();
        return await audit.Entries.OrderBy(e => e.Id).ToListAsync();
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
        return ValueTask.CompletedTask;
    }
}
