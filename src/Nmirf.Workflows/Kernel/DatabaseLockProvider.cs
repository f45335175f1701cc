using Microsoft.EntityFrameworkCore;
using WorkflowCore.Interface;

namespace Nmirf.Workflows.Kernel;

/// <summary>
/// Leases in the database, so that several processes on one database (hosts, and CLI verbs that drive workflows)
/// never execute the same instance at once. A lease expires after <see cref="Engine.WorkflowSettings.LockLease"/>, so a killed process holds
/// nothing for long. Leases are counted on the system clock: they measure whether a process is alive, not the
/// domain's time.
/// </summary>
internal sealed class DatabaseLockProvider(IDbContextFactory<KernelDbContext> contexts, Engine.WorkflowSettings settings) : IDistributedLockProvider
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>
    /// Takes the lease, waiting up to <see cref="Engine.WorkflowSettings.LockWait"/> while another worker holds it: an
    /// event that arrives while its workflow is being run would otherwise wait for the next poll.
    /// </summary>
    public async Task<bool> AcquireLock(string Id, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (await TryAcquireAsync(Id, cancellationToken))
            {
                return true;
            }

            if (waited.Elapsed >= settings.LockWait)
            {
                return false;
            }

            await Task.Delay(5, cancellationToken);
        }
    }

    private async Task<bool> TryAcquireAsync(string Id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = DateTime.UtcNow;
        var expires = now.Add(settings.LockLease);

        // Create the lease (the common case: nobody holds it), or take over an expired one.
        db.KernelLocks.Add(new KernelLock { Id = Id, Owner = _owner, ExpiresAt = expires });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }

        var taken = await db.KernelLocks.Where(l => l.Id == Id && l.ExpiresAt < now)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Owner, _owner).SetProperty(l => l.ExpiresAt, expires), cancellationToken);
        return taken == 1;
    }

    public async Task ReleaseLock(string Id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await db.KernelLocks.Where(l => l.Id == Id && l.Owner == _owner).ExecuteDeleteAsync();
    }

    public Task Start() => Task.CompletedTask;

    public async Task Stop()
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync();
            await db.KernelLocks.Where(l => l.Owner == _owner).ExecuteDeleteAsync();
        }
        catch (ObjectDisposedException)
        {
            // Stopped while the process shuts down: the leases expire on their own.
        }
    }
}
