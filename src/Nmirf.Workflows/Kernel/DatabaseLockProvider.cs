using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Interface;

namespace Nmirf.Workflows.Kernel;

/// <summary>
/// Leases in the database, so that several processes on one database (hosts, and CLI verbs that drive workflows)
/// never execute the same instance at once. A lease expires after <see cref="Engine.WorkflowSettings.LockLease"/>, so a killed process holds
/// nothing for long. Leases are counted on the system clock: they measure whether a process is alive, not the
/// domain's time.
/// </summary>
internal sealed class DatabaseLockProvider(IServiceScopeFactory scopes, Engine.WorkflowSettings settings) : IDistributedLockProvider
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public async Task<bool> AcquireLock(string Id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        var now = DateTime.UtcNow;
        var expires = now.Add(settings.LockLease);

        // Take over an expired lease, or create one.
        var taken = await db.KernelLocks.Where(l => l.Id == Id && l.ExpiresAt < now)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Owner, _owner).SetProperty(l => l.ExpiresAt, expires), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        db.KernelLocks.Add(new KernelLock { Id = Id, Owner = _owner, ExpiresAt = expires });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    public async Task ReleaseLock(string Id)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        await db.KernelLocks.Where(l => l.Id == Id && l.Owner == _owner).ExecuteDeleteAsync();
    }

    public Task Start() => Task.CompletedTask;

    public async Task Stop()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
            await db.KernelLocks.Where(l => l.Owner == _owner).ExecuteDeleteAsync();
        }
        catch (ObjectDisposedException)
        {
            // Stopped while the process shuts down: the leases expire on their own.
        }
    }
}
