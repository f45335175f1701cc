using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using WorkflowCore.Interface;

namespace Nmirf.Workflows.Kernel;

/// <summary>
/// Leases in the database, so that several processes on one database (hosts, and CLI verbs that drive workflows)
/// never execute the same instance at once. A lease expires after <see cref="Engine.WorkflowSettings.LockLease"/>, so a killed process holds
/// nothing for long. Leases are counted on the system clock: they measure whether a process is alive, not the
/// domain's time.
/// <para>
/// Workers of this process first queue for a lease among themselves, in memory, and go to the database only when
/// no other worker here holds it: a worker that waits for its instance no longer tries the database every few
/// milliseconds (two writes a try, each queued behind the database's single writer), and it takes the lease as
/// soon as the worker before it releases it.
/// </para>
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
        var local = Enter(Id);
        var turn = false;
        var acquired = false;
        try
        {
            turn = await local.Turn.WaitAsync(settings.LockWait, cancellationToken);
            while (turn)
            {
                if (await TryAcquireAsync(Id, cancellationToken))
                {
                    acquired = true;
                    break;
                }

                if (waited.Elapsed >= settings.LockWait)
                {
                    break;
                }

                // Held by another process: its lease is released or expires.
                await Task.Delay(5, cancellationToken);
            }

            return acquired;
        }
        finally
        {
            // The lease and the turn are kept until ReleaseLock; otherwise both go now.
            if (!acquired)
            {
                if (turn)
                {
                    local.Turn.Release();
                }

                Leave(Id, local);
            }
        }
    }

    /// <summary>The workers of this process that wait for or hold one lease, and whose turn it is.</summary>
    private sealed class LocalLease
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private readonly Dictionary<string, LocalLease> _local = new(StringComparer.Ordinal);

    private LocalLease Enter(string id)
    {
        lock (_local)
        {
            if (!_local.TryGetValue(id, out var lease))
            {
                _local[id] = lease = new LocalLease();
            }

            lease.Users++;
            return lease;
        }
    }

    private void Leave(string id, LocalLease lease)
    {
        lock (_local)
        {
            if (--lease.Users == 0)
            {
                _local.Remove(id);
            }
        }
    }

    private async Task<bool> TryAcquireAsync(string Id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = DateTime.UtcNow;
        var expires = now.Add(settings.LockLease);

        // Create the lease (the common case: nobody holds it), as one plain statement rather than through change
        // tracking; a lease that exists (the key is taken) is taken over only if it expired.
        try
        {
            await db.Database.ExecuteSqlRawAsync(_insert ??= InsertStatement(db), [Id, _owner, expires], cancellationToken);
            return true;
        }
        catch (System.Data.Common.DbException) when (!cancellationToken.IsCancellationRequested)
        {
            // Held (or expired): see below.
        }

        var taken = await db.KernelLocks.Where(l => l.Id == Id && l.ExpiresAt < now)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Owner, _owner).SetProperty(l => l.ExpiresAt, expires), cancellationToken);
        return taken == 1;
    }

    private string? _insert;

    /// <summary>The lease's insert, named from the model (table prefix on SQLite, schema on SQL Server).</summary>
    private static string InsertStatement(KernelDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(KernelLock))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        return $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({Column(nameof(KernelLock.Id))}, {Column(nameof(KernelLock.Owner))}, {Column(nameof(KernelLock.ExpiresAt))}) VALUES ({{0}}, {{1}}, {{2}})";
    }

    public async Task ReleaseLock(string Id)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync();
            await db.KernelLocks.Where(l => l.Id == Id && l.Owner == _owner).ExecuteDeleteAsync();
        }
        finally
        {
            LocalLease? local;
            lock (_local)
            {
                _local.TryGetValue(Id, out local);
            }

            if (local is not null)
            {
                local.Turn.Release();
                Leave(Id, local);
            }
        }
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
