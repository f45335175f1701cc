using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nmirf.Tests.Shared;
using Nmirf.Workflows.Engine;
using Nmirf.Workflows.Kernel;
using WorkflowCore.Interface;

namespace Nmirf.Workflows.Tests.Engine;

/// <summary>Leases on instances: one holder at a time, within a process and between processes on one database.</summary>
public sealed class LeaseTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.CreateAsync(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero), new Dictionary<string, string?>
    {
        // Long enough for a loaded machine between a waiter's start and the holder's release; the give-up tests wait it out.
        ["Workflows:LockWait"] = "00:00:01",
        ["Workflows:LeaseHold"] = "00:00:00",
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
    public async Task EventLease_IsTakenAmongTheProcessWorkersOnly_WithoutARow()
    {
        Assert.True(await Leases.AcquireLock("evt:e-1", CancellationToken.None));
        var second = Leases.AcquireLock("evt:e-1", CancellationToken.None);
        await Task.Delay(50);
        Assert.False(second.IsCompleted);

        // Nothing but the release happens while the second worker waits, so that its wait cannot run out first.
        await Leases.ReleaseLock("evt:e-1");
        Assert.True(await second);
        Assert.Equal(0, await RowsAsync());
        await Leases.ReleaseLock("evt:e-1");
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
    public async Task RefusedLease_TakesItsInstanceOrEventOffTheKernelsGreyList()
    {
        var greylist = _host.Services.GetRequiredService<IGreyList>();
        var other = OtherProcess();
        Assert.True(await other.AcquireLock("wf-7", CancellationToken.None));
        greylist.Add("wf:wf-7");
        Assert.False(await Leases.AcquireLock("wf-7", CancellationToken.None));
        Assert.False(greylist.Contains("wf:wf-7"));
        await other.ReleaseLock("wf-7");

        Assert.True(await Leases.AcquireLock("evt:e-3", CancellationToken.None));
        greylist.Add("evt:e-3");
        Assert.False(await Leases.AcquireLock("evt:e-3", CancellationToken.None));
        Assert.False(greylist.Contains("evt:e-3"));
        await Leases.ReleaseLock("evt:e-3");
    }

    [Fact]
    public async Task StoppedProvider_GivesNoLease_AndLeavesNoneForTheNextProcess()
    {
        var leases = OtherProcess();
        await leases.Start();
        await leases.Stop();

        // A poll still under way when the kernel stopped asks for its lease: refused, and nothing stays behind to keep
        // the next process from polling until it expires.
        Assert.False(await leases.AcquireLock("wf-5", CancellationToken.None));
        Assert.Equal(0, await RowsAsync());
        Assert.True(await Leases.AcquireLock("wf-5", CancellationToken.None));
        await Leases.ReleaseLock("wf-5");

        await leases.Start();
        Assert.True(await leases.AcquireLock("wf-5", CancellationToken.None));
        await leases.ReleaseLock("wf-5");
    }

    [Fact]
    public async Task LeaseTakenWhileTheProviderStops_IsDeletedAgain()
    {
        string path;
        await using (var db = await _host.Services.GetRequiredService<IDbContextFactory<KernelDbContext>>().CreateDbContextAsync())
        {
            path = db.Database.GetDbConnection().DataSource;
        }

        var leases = OtherProcess();
        await leases.Start();

        // The stop deletes this process's leases just before the lease's insert reaches the database.
        using var stop = CommandHook.BeforeFirst(path, "INSERT KernelLocks", () => leases.Stop().GetAwaiter().GetResult());
        Assert.False(await leases.AcquireLock("wf-6", CancellationToken.None));

        Assert.True(stop.Happened);
        Assert.Equal(0, await RowsAsync());
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

/// <summary>Released leases held for a while, for the next worker of the process to take without a write.</summary>
public sealed class HeldLeaseTests : IAsyncLifetime
{
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(10);

    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.CreateAsync(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero), new Dictionary<string, string?>
    {
        ["Workflows:LockWait"] = "00:00:00.300",
        ["Workflows:LeaseHold"] = Hold.ToString(),
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private DatabaseLockProvider Leases => _host.Services.GetRequiredService<DatabaseLockProvider>();

    private IDbContextFactory<KernelDbContext> Contexts => _host.Services.GetRequiredService<IDbContextFactory<KernelDbContext>>();

    private DatabaseLockProvider OtherProcess(WorkflowSettings? settings = null) => new(Contexts, settings ?? _host.Services.GetRequiredService<WorkflowSettings>());

    private async Task<List<KernelLock>> RowsAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.KernelLocks.AsNoTracking().OrderBy(l => l.Id).ToListAsync();
    }

    [Fact]
    public async Task ReleasedLease_StaysForTheHold_AndIsTakenAgainWithoutAWrite()
    {
        Assert.True(await Leases.AcquireLock("held-1", CancellationToken.None));
        var first = Assert.Single(await RowsAsync());
        await Leases.ReleaseLock("held-1");
        Assert.Single(await RowsAsync());

        Assert.True(await Leases.AcquireLock("held-1", CancellationToken.None));
        var again = Assert.Single(await RowsAsync());
        Assert.Equal(first.ExpiresAt, again.ExpiresAt);
        await Leases.ReleaseLock("held-1");

        Assert.Equal(1, await Leases.ReleaseIdleAsync(DateTime.UtcNow + Hold));
        Assert.Empty(await RowsAsync());
        Assert.True(await Leases.AcquireLock("held-1", CancellationToken.None));
        Assert.Single(await RowsAsync());
        await Leases.ReleaseLock("held-1");
    }

    [Fact]
    public async Task AnotherProcess_TakesAHeldLease_OnceItsHoldHasEnded()
    {
        var other = OtherProcess();
        Assert.True(await Leases.AcquireLock("held-2", CancellationToken.None));
        await Leases.ReleaseLock("held-2");
        Assert.False(await other.AcquireLock("held-2", CancellationToken.None));

        Assert.Equal(1, await Leases.ReleaseIdleAsync(DateTime.UtcNow + Hold));
        Assert.True(await other.AcquireLock("held-2", CancellationToken.None));
        Assert.False(await Leases.AcquireLock("held-2", CancellationToken.None));
        await other.ReleaseLock("held-2");
    }

    [Fact]
    public async Task IdleRelease_LeavesLeasesInUse_AndThoseReleasedWithinTheHold()
    {
        Assert.True(await Leases.AcquireLock("held-3", CancellationToken.None));
        Assert.True(await Leases.AcquireLock("held-4", CancellationToken.None));
        await Leases.ReleaseLock("held-4");

        Assert.Equal(0, await Leases.ReleaseIdleAsync(DateTime.UtcNow));
        Assert.Equal(1, await Leases.ReleaseIdleAsync());
        Assert.Equal("held-3", Assert.Single(await RowsAsync()).Id);

        // The lease in use is still this worker's: nobody else gets it, and its release leaves it held.
        Assert.False(await OtherProcess().AcquireLock("held-3", CancellationToken.None));
        await Leases.ReleaseLock("held-3");
        Assert.Equal(1, await Leases.ReleaseIdleAsync());
        Assert.Empty(await RowsAsync());
    }

    [Fact]
    public async Task HeldLeaseCloseToItsExpiry_IsRenewedInTheDatabase()
    {
        var settings = new WorkflowSettings { LockLease = TimeSpan.FromMilliseconds(1), LockWait = TimeSpan.FromMilliseconds(300), LeaseHold = Hold };
        var leases = OtherProcess(settings);
        Assert.True(await leases.AcquireLock("held-5", CancellationToken.None));
        var first = Assert.Single(await RowsAsync());
        await leases.ReleaseLock("held-5");

        Assert.True(await leases.AcquireLock("held-5", CancellationToken.None));
        Assert.True(Assert.Single(await RowsAsync()).ExpiresAt > first.ExpiresAt);
        await leases.ReleaseLock("held-5");
        await leases.Stop();
    }

    [Fact]
    public async Task KeptValue_IsGivenToTheNextHolder_OnlyWhileTheLeaseStaysInTheDatabase()
    {
        var value = new object();
        Assert.True(await Leases.AcquireLock("held-7", CancellationToken.None));
        Leases.Keep("held-7", value);
        await Leases.ReleaseLock("held-7");

        // Taken again within the hold: the value is there, once.
        Assert.True(await Leases.AcquireLock("held-7", CancellationToken.None));
        Assert.Same(value, Leases.TakeKept("held-7"));
        Assert.Null(Leases.TakeKept("held-7"));
        Leases.Keep("held-7", value);
        await Leases.ReleaseLock("held-7");

        // The lease left the database: another process may have changed what it guards, so nothing is given.
        Assert.Equal(1, await Leases.ReleaseIdleAsync(DateTime.UtcNow + Hold));
        Assert.True(await Leases.AcquireLock("held-7", CancellationToken.None));
        Assert.Null(Leases.TakeKept("held-7"));
        await Leases.ReleaseLock("held-7");
    }

    [Fact]
    public async Task NothingIsKept_WithALeaseNotHeldInTheDatabase()
    {
        Leases.Keep("held-8", new object());
        Assert.Null(Leases.TakeKept("held-8"));

        var settings = new WorkflowSettings { LockWait = TimeSpan.FromMilliseconds(300), LeaseHold = TimeSpan.Zero };
        var leases = OtherProcess(settings);
        Assert.True(await leases.AcquireLock("held-8", CancellationToken.None));
        leases.Keep("held-8", new object());
        await leases.ReleaseLock("held-8");
        Assert.True(await leases.AcquireLock("held-8", CancellationToken.None));
        Assert.Null(leases.TakeKept("held-8"));
        await leases.ReleaseLock("held-8");
    }

    [Fact]
    public async Task Stop_DeletesTheHeldLeases_AndForgetsThem()
    {
        var leases = OtherProcess();
        Assert.True(await leases.AcquireLock("held-6", CancellationToken.None));
        await leases.ReleaseLock("held-6");
        await leases.Stop();
        Assert.Empty(await RowsAsync());

        // Started again: taken from the database, not from what it held before.
        await leases.Start();
        Assert.True(await leases.AcquireLock("held-6", CancellationToken.None));
        Assert.Single(await RowsAsync());
        await leases.ReleaseLock("held-6");
        await leases.Stop();
    }
}
