using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nmirf.Tests.Shared;
using Nmirf.Workflows.Kernel;

namespace Nmirf.Workflows.Tests.Engine;

/// <summary>
/// How the process's SQLite connections wait for the database's single write lock: a writer waits (rather than fails)
/// while another holds it and goes on once it is committed, and the write-ahead log is still checkpointed.
/// </summary>
public sealed class WriteLockWaitTests : IAsyncLifetime
{
    private TestHost _host = null!;
    private string _path = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.CreateAsync(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));
        await using var db = await ContextAsync();
        _path = db.Database.GetDbConnection().DataSource;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<KernelDbContext> ContextAsync() =>
        await _host.Services.GetRequiredService<IDbContextFactory<KernelDbContext>>().CreateDbContextAsync();

    private static Task<int> InsertAsync(KernelDbContext db, string id, string owner) =>
        db.Database.ExecuteSqlAsync($"INSERT INTO workflows_KernelLocks (Id, Owner, ExpiresAt) VALUES ({id}, {owner}, '2026-12-06 09:00:00')");

    [Fact]
    public async Task Writer_WaitsWhileAnotherHoldsTheLock_AndWritesOnceItCommits()
    {
        await using var first = await ContextAsync();
        await using var transaction = await first.Database.BeginTransactionAsync();
        await InsertAsync(first, "a", "first");

        await using var second = await ContextAsync();
        var waiting = Task.Run(() => InsertAsync(second, "b", "second"));
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);

        await transaction.CommitAsync();
        Assert.Equal(1, await waiting);
        await using var check = await ContextAsync();
        Assert.Equal(2, await check.KernelLocks.CountAsync());
    }

    [Fact]
    public async Task ManyCommits_AreCheckpointed_SoTheLogDoesNotGrowWithThem()
    {
        // 3,000 commits of 4 KB each: some 12 MB through the log, which a checkpoint every 1,000 pages keeps near 4 MB.
        var payload = new string('x', 4096);
        await using var db = await ContextAsync();

        // Held open: the log goes with the database's last connection, and another test clearing the connection pools
        // would otherwise close this one's between two commits.
        await db.Database.OpenConnectionAsync();
        for (var i = 0; i < 3000; i++)
        {
            await InsertAsync(db, $"row-{i}", payload);
        }

        var log = new FileInfo(_path + "-wal");
        Assert.True(log.Exists);
        Assert.InRange(log.Length, 1, 8L * 1024 * 1024);
    }
}
