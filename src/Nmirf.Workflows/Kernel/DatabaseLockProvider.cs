using Microsoft.EntityFrameworkCore;
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
/// <para>
/// A released lease stays in the database for <see cref="Engine.WorkflowSettings.LeaseHold"/> before it is deleted
/// (with the others due, in one statement): the kernel takes an instance's lease several times in a row for one
/// event (to record the event on the instance, then to run the steps it resumes), and a worker of this process that
/// takes it again within the hold needs no write at all. Another process waits at most the hold for it.
/// </para>
/// <para>
/// A worker refused a lease takes its instance (or event) off the kernel's grey list, as a worker that ran it would: the
/// kernel leaves it there when the lease is refused, and its poller then passes over that instance for five minutes, a
/// timer that falls due meanwhile included.
/// </para>
/// </summary>
internal sealed class DatabaseLockProvider(IDbContextFactory<KernelDbContext> contexts, Engine.WorkflowSettings settings, IGreyList? greylist = null) : IDistributedLockProvider, IDisposable
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>
    /// Takes the lease, waiting up to <see cref="Engine.WorkflowSettings.LockWait"/> while another worker holds it: an
    /// event that arrives while its workflow is being run would otherwise wait for the next poll.
    /// </summary>
    public async Task<bool> AcquireLock(string Id, CancellationToken cancellationToken)
    {
        if (_stopped)
        {
            return false;
        }

        var waited = System.Diagnostics.Stopwatch.StartNew();
        var local = Enter(Id);
        var turn = false;
        var acquired = false;
        try
        {
            turn = await local.Turn.WaitAsync(settings.LockWait, cancellationToken);
            if (turn && IsEventLease(Id))
            {
                acquired = true;
                return true;
            }

            if (turn && local.HeldUntil - DateTime.UtcNow > settings.LockLease / 2)
            {
                // Still held in the database since the last worker here released it, with time to spare.
                acquired = true;
                return true;
            }

            while (turn)
            {
                var expires = DateTime.UtcNow.Add(settings.LockLease);
                if (await TryAcquireAsync(Id, expires, cancellationToken))
                {
                    if (_stopped)
                    {
                        // Stopped while the lease was being taken, perhaps after the stop deleted this process's
                        // leases: nobody would release this one, and no other process could take it until it expired.
                        await DeleteStoppedAsync(Id);
                        local.Forget();
                        break;
                    }

                    // Taken (or renewed) in the database: what was kept before may be stale if the lease had lapsed.
                    local.Kept = local.HeldInDatabase && local.HeldUntil > DateTime.UtcNow ? local.Kept : null;
                    local.HeldUntil = expires;
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
                if (!_stopped)
                {
                    // The kernel's worker returns at once, leaving the id on the grey list (see the class summary).
                    greylist?.Remove(IsEventLease(Id) ? Id : "wf:" + Id);
                }

                if (turn)
                {
                    local.Turn.Release();
                }

                Leave(Id, local);
            }
        }
    }

    /// <summary>
    /// The kernel's lease on an event it records on the instances waiting for it (<c>evt:</c> and the event's id) is
    /// taken among this process's workers only. Recording an event twice, from two processes, changes nothing the
    /// second time: each instance is changed under its own lease (which stays in the database), and a step that has
    /// its event already is passed over. The lease only spares the same work done twice, which within a process the
    /// workers' turns already do; in the database it cost two writes for every event.
    /// </summary>
    internal static bool IsEventLease(string id) => id.StartsWith("evt:", StringComparison.Ordinal);

    /// <summary>The workers of this process that wait for or hold one lease, whose turn it is, and the lease in the database.</summary>
    private sealed class LocalLease
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public int Users { get; set; }

        /// <summary>When the lease this process holds in the database expires; <see cref="DateTime.MinValue"/> when it holds none.</summary>
        public DateTime HeldUntil { get; set; } = DateTime.MinValue;

        /// <summary>When the last worker released it (the hold counts from then).</summary>
        public DateTime ReleasedAt { get; set; }

        public bool HeldInDatabase => HeldUntil != DateTime.MinValue;

        /// <summary>What the holder kept for its next turn (see <see cref="Keep"/>); dropped when the lease leaves the database.</summary>
        public object? Kept { get; set; }

        public void Forget()
        {
            HeldUntil = DateTime.MinValue;
            Kept = null;
        }
    }

    /// <summary>
    /// Keeps <paramref name="value"/> with the lease on <paramref name="id"/>, which the caller holds, for the next worker
    /// of this process that takes it while the lease has stayed in the database: nobody else can have changed what the
    /// lease guards meanwhile. Nothing is kept when the lease is not held in the database.
    /// </summary>
    internal void Keep(string id, object value)
    {
        lock (_local)
        {
            if (_local.TryGetValue(id, out var lease) && lease.HeldInDatabase)
            {
                lease.Kept = value;
            }
        }
    }

    /// <summary>What was kept with the lease on <paramref name="id"/> since it last came from the database, taken (once).</summary>
    internal object? TakeKept(string id)
    {
        lock (_local)
        {
            if (!_local.TryGetValue(id, out var lease) || !lease.HeldInDatabase)
            {
                return null;
            }

            var kept = lease.Kept;
            lease.Kept = null;
            return kept;
        }
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
            if (--lease.Users == 0 && !lease.HeldInDatabase)
            {
                _local.Remove(id);
            }
        }
    }

    private async Task<bool> TryAcquireAsync(string Id, DateTime expires, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = DateTime.UtcNow;

        // Create the lease (the common case: nobody holds it), as one plain statement rather than through change
        // tracking; a lease that exists (the key is taken) is taken over only if it expired, or if it is this
        // process's own (one whose release is under way).
        try
        {
            await db.Database.ExecuteSqlRawAsync(Statements(db).Insert, [Id, _owner, expires], cancellationToken);
            return true;
        }
        catch (System.Data.Common.DbException) when (!cancellationToken.IsCancellationRequested)
        {
            // Held (or expired): see below.
        }

        var taken = await db.KernelLocks.Where(l => l.Id == Id && (l.ExpiresAt < now || l.Owner == _owner))
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Owner, _owner).SetProperty(l => l.ExpiresAt, expires), cancellationToken);
        return taken == 1;
    }

    private LeaseStatements? _statements;

    private LeaseStatements Statements(KernelDbContext db) => _statements ??= LeaseStatements.For(db);

    /// <summary>The lease's plain statements, named from the model (table prefix on SQLite, schema on SQL Server).</summary>
    private sealed record LeaseStatements(string Insert, string DeletePrefix)
    {
        /// <summary>The delete of this owner's leases on <paramref name="count"/> ids (parameters 1 to count; 0 is the owner).</summary>
        public string Delete(int count) => DeletePrefix + string.Join(", ", Enumerable.Range(1, count).Select(i => $"{{{i}}}")) + ")";

        public static LeaseStatements For(KernelDbContext db)
        {
            var table = KernelTable.Of<KernelLock>(db);
            var (id, owner, expires) = (table.Column(nameof(KernelLock.Id)), table.Column(nameof(KernelLock.Owner)), table.Column(nameof(KernelLock.ExpiresAt)));
            return new($"INSERT INTO {table.Name} ({id}, {owner}, {expires}) VALUES ({{0}}, {{1}}, {{2}})", $"DELETE FROM {table.Name} WHERE {owner} = {{0}} AND {id} IN (");
        }
    }

    public async Task ReleaseLock(string Id)
    {
        LocalLease? local;
        lock (_local)
        {
            _local.TryGetValue(Id, out local);
        }

        if (local is null)
        {
            return;
        }

        try
        {
            if (settings.LeaseHold <= TimeSpan.Zero && local.HeldInDatabase)
            {
                await DeleteAsync([Id]);
                local.Forget();
            }
            else
            {
                local.ReleasedAt = DateTime.UtcNow;
            }
        }
        finally
        {
            local.Turn.Release();
            Leave(Id, local);
        }
    }

    /// <summary>Deletes this process's leases on <paramref name="ids"/>, in statements of up to 200 ids.</summary>
    private async Task DeleteAsync(IReadOnlyList<string> ids)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var statements = Statements(db);
        foreach (var chunk in ids.Chunk(200))
        {
            await db.Database.ExecuteSqlRawAsync(statements.Delete(chunk.Length), [_owner, .. chunk]);
        }
    }

    /// <summary>
    /// Deletes the leases this process holds in the database whose workers released them at least
    /// <see cref="Engine.WorkflowSettings.LeaseHold"/> before <paramref name="now"/> (all of them when null), and which
    /// no worker here waits for. Returns how many went.
    /// </summary>
    internal async Task<int> ReleaseIdleAsync(DateTime? now = null)
    {
        var due = new List<(string Id, LocalLease Lease)>();
        lock (_local)
        {
            foreach (var (id, lease) in _local)
            {
                if (lease.HeldInDatabase && lease.Users == 0 && (now is null || now.Value - lease.ReleasedAt >= settings.LeaseHold) && lease.Turn.Wait(0))
                {
                    // Taken as a worker would take it, so that no worker takes it while it goes.
                    lease.Users++;
                    due.Add((id, lease));
                }
            }
        }

        if (due.Count == 0)
        {
            return 0;
        }

        try
        {
            await DeleteAsync(due.Select(d => d.Id).ToList());
            foreach (var (_, lease) in due)
            {
                lease.Forget();
            }
        }
        finally
        {
            foreach (var (id, lease) in due)
            {
                lease.Turn.Release();
                Leave(id, lease);
            }
        }

        return due.Count;
    }

    private CancellationTokenSource? _stopping;
    private Task _releasing = Task.CompletedTask;

    /// <summary>
    /// Set by <see cref="Stop"/>: no lease is given any more. The kernel's poller does not wait for a poll under way
    /// when it stops, and a poll that took its lease after the stop had deleted this process's leases kept every other
    /// process from polling until the lease expired (<see cref="Engine.WorkflowSettings.LockLease"/>).
    /// </summary>
    private volatile bool _stopped;

    private async Task DeleteStoppedAsync(string id)
    {
        try
        {
            await DeleteAsync([id]);
        }
        catch (ObjectDisposedException)
        {
            // Stopped while the process shuts down: the lease expires on its own.
        }
    }

    public Task Start()
    {
        _stopped = false;
        if (settings.LeaseHold > TimeSpan.Zero)
        {
            _stopping = new CancellationTokenSource();
            _releasing = ReleaseIdleLoopAsync(_stopping.Token);
        }

        return Task.CompletedTask;
    }

    private async Task ReleaseIdleLoopAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromTicks(Math.Max(settings.LeaseHold.Ticks / 2, TimeSpan.TicksPerMillisecond * 10)));
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                try
                {
                    await ReleaseIdleAsync(DateTime.UtcNow);
                }
                catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
                {
                    // The next tick tries again; a lease not deleted expires on its own.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    public void Dispose() => _stopping?.Cancel();

    public async Task Stop()
    {
        // Before the leases are deleted: a lease taken after the delete sees the flag and deletes itself.
        _stopped = true;
        if (_stopping is { } stopping)
        {
            await stopping.CancelAsync();
            await _releasing;
            stopping.Dispose();
            _stopping = null;
        }

        try
        {
            await using var db = await contexts.CreateDbContextAsync();
            await db.KernelLocks.Where(l => l.Owner == _owner).ExecuteDeleteAsync();
        }
        catch (ObjectDisposedException)
        {
            // Stopped while the process shuts down: the leases expire on their own.
        }

        // The workers have stopped: what this process held in the database is gone, but the turns are left alone.
        lock (_local)
        {
            foreach (var (id, lease) in _local.ToList())
            {
                lease.Forget();
                if (lease.Users == 0)
                {
                    _local.Remove(id);
                }
            }
        }
    }
}
