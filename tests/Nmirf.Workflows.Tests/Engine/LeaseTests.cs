using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nmirf.Tests.Shared;
using Nmirf.Workflows.Engine;
using Nmirf.Workflows.Kernel;

namespace Nmirf.Workflows.Tests.Engine;

/// <summary>Leases on instances: one holder at a time, within a process and between processes on one database.</summary>
public sealed class LeaseTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.CreateAsync(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero), new Dictionary<string, string?>
    {
        ["Workflows:LockWait"] = "00:00:00.300",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private DatabaseLockProvider Leases => _host.Services.GetRequiredService<DatabaseLockProvider>();

    /// <summary>A second provider on the same database, as another process would have.</summary>
    private DatabaseLockProvider OtherProcess() => new(_host.Services.GetRequiredService<IDbContextFactory<KernelDbContext>>(), _host.Services.GetRequiredService<WorkflowSettings>());

    private async Task<int> RowsAsync()
    {
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<KernelDbContext>>().CreateDbContextAsync();
        return await db.KernelLocks.CountAsync();
    }

    [Fact]
    public async Task SecondWorkerOfAProcess_WaitsForTheFirst_AndTakesTheLeaseWhenItIsReleased()
    {
        Assert.True(await Leases.AcquireLock("wf-1", CancellationToken.None));
        var second = Leases.AcquireLock("wf-1", CancellationToken.None);
        await Task.Delay(50);
        Assert.False(second.IsCompleted);

        await Leases.ReleaseLock("wf-1");
        Assert.True(await second);
        Assert.Equal(1, await RowsAsync());
        await Leases.ReleaseLock("wf-1");
        Assert.Equal(0, await RowsAsync());
    }

    [Fact]
    public async Task WorkerOfAProcess_GivesUpAfterTheWait_AndLeavesNoTurnBehind()
    {
        Assert.True(await Leases.AcquireLock("wf-2", CancellationToken.None));
        Assert.False(await Leases.AcquireLock("wf-2", CancellationToken.None));

        await Leases.ReleaseLock("wf-2");
        Assert.True(await Leases.AcquireLock("wf-2", CancellationToken.None));
        await Leases.ReleaseLock("wf-2");
    }

    [Fact]
    public async Task CancelledWait_LeavesNoTurnBehind()
    {
        Assert.True(await Leases.AcquireLock("wf-3", CancellationToken.None));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Leases.AcquireLock("wf-3", cancel.Token));

        await Leases.ReleaseLock("wf-3");
        Assert.True(await Leases.AcquireLock("wf-3", CancellationToken.None));
        await Leases.ReleaseLock("wf-3");
    }

    [Fact]
    public async Task AnotherProcess_CannotTakeAHeldLease_UntilItIsReleased()
    {
        var other = OtherProcess();
        Assert.True(await Leases.AcquireLock("wf-4", CancellationToken.None));
        Assert.False(await other.AcquireLock("wf-4", CancellationToken.None));

        await Leases.ReleaseLock("wf-4");
        Assert.True(await other.AcquireLock("wf-4", CancellationToken.None));
        Assert.False(await Leases.AcquireLock("wf-4", CancellationToken.None));
        await other.ReleaseLock("wf-4");
    }
}
