using Microsoft.EntityFrameworkCore;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace Nmirf.Workflows.Kernel;

/// <summary>
/// WorkflowCore's persistence on EF Core, on SQLite or SQL Server. Each call uses a kernel context of its own, drawn
/// from a pool, except the reads of every step and event on SQLite, which run on kept statements
/// (<see cref="KernelReads"/>); a workflow and the event subscriptions its steps asked for are saved in one
/// transaction, so a crash never leaves a step waiting for an event nobody subscribed to.
/// </summary>
internal sealed class EfPersistenceProvider(IDbContextFactory<KernelDbContext> contexts, Engine.WorkflowSettings settings, DatabaseLockProvider leases) : IPersistenceProvider, IAsyncDisposable, IDisposable
{
    /// <summary>The reads of every step and event on kept statements (SQLite); null where they go through EF Core.</summary>
    private readonly Lazy<KernelReads?> _reads = new(() =>
    {
        using var db = contexts.CreateDbContext();
        return KernelReads.For(contexts, db);
    });

    private KernelReads? Reads => _reads.Value;

    public async ValueTask DisposeAsync()
    {
        if (_reads.IsValueCreated && _reads.Value is { } reads)
        {
            await reads.DisposeAsync();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Off by default: with scheduled commands the kernel turns every runnable instance and event its pollers find into
    /// a command row, run by another poller, which adds a write and up to a poll interval to every step. Without them
    /// the pollers queue what they find at once, and wake-ups within a poll interval are queued in memory.
    /// </summary>
    public bool SupportsScheduledCommands => settings.ScheduledCommands;

    /// <summary>
    /// The rows of a runnable instance as last read, so that saving it after a step needs no second read: the kernel
    /// reads and saves an instance under its lease, so nobody else changes the rows in between.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, KernelWorkflow> _read = new(StringComparer.Ordinal);

    // The reads of every step and event, compiled once (per provider instance, so per database provider).
    private readonly Func<KernelDbContext, string, Task<KernelWorkflow?>> _instance = EF.CompileAsyncQuery(
        (KernelDbContext db, string id) => db.KernelWorkflows.AsNoTracking().Include(w => w.Pointers).SingleOrDefault(w => w.Id == id));

    private readonly Func<KernelDbContext, string, Task<KernelEvent?>> _event = EF.CompileAsyncQuery(
        (KernelDbContext db, string id) => db.KernelEvents.AsNoTracking().SingleOrDefault(e => e.Id == id));

    private readonly Func<KernelDbContext, string, string, DateTime, IAsyncEnumerable<KernelSubscription>> _subscriptions = EF.CompileAsyncQuery(
        (KernelDbContext db, string name, string key, DateTime asOf) => db.KernelSubscriptions.AsNoTracking()
            .Where(s => s.EventName == name && s.EventKey == key && s.SubscribeAsOf <= asOf));

    private readonly Func<KernelDbContext, string, string, DateTime, IAsyncEnumerable<string>> _events = EF.CompileAsyncQuery(
        (KernelDbContext db, string name, string key, DateTime asOf) => db.KernelEvents.AsNoTracking()
            .Where(e => e.EventName == name && e.EventKey == key && e.EventTime >= asOf)
            .Select(e => e.Id));

    private async Task<T> WithContext<T>(Func<KernelDbContext, Task<T>> action)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await action(db);
    }

    private Task<bool> WithContext(Func<KernelDbContext, Task> action) => WithContext(async db =>
    {
        await action(db);
        return true;
    });

    public Task<string> CreateNewWorkflow(WorkflowInstance workflow, CancellationToken cancellationToken = default) => WithContext(async db =>
    {
        if (string.IsNullOrEmpty(workflow.Id))
        {
            workflow.Id = Guid.CreateVersion7().ToString();
        }

        var stored = new KernelWorkflow { Id = workflow.Id };
        KernelValues.CopyTo(workflow, stored);
        foreach (var pointer in workflow.ExecutionPointers)
        {
            pointer.Id ??= Guid.NewGuid().ToString();
            var row = new KernelPointer { Id = pointer.Id, WorkflowId = workflow.Id };
            KernelValues.CopyTo(pointer, row);
            stored.Pointers.Add(row);
        }

        db.KernelWorkflows.Add(stored);
        await db.SaveChangesAsync(cancellationToken);
        return workflow.Id;
    });

    public Task PersistWorkflow(WorkflowInstance workflow, CancellationToken cancellationToken = default) =>
        PersistWorkflow(workflow, [], cancellationToken);

    public Task PersistWorkflow(WorkflowInstance workflow, List<EventSubscription> subscriptions, CancellationToken cancellationToken = default) => WithContext(async db =>
    {
        var stored = _read.TryRemove(workflow.Id, out var read)
            ? read
            : await ReadInstanceAsync(db, workflow.Id, cancellationToken) ?? throw new InvalidOperationException($"Workflow {workflow.Id} is not stored.");
        var writer = _writer ??= new KernelRowWriter(db);
        var before = writer.Take(stored);

        KernelValues.CopyTo(workflow, stored);
        var existing = stored.Pointers.ToDictionary(p => p.Id, StringComparer.Ordinal);
        List<string>? published = null;
        foreach (var pointer in workflow.ExecutionPointers)
        {
            pointer.Id ??= Guid.NewGuid().ToString();
            if (!existing.TryGetValue(pointer.Id, out var row))
            {
                row = new KernelPointer { Id = pointer.Id, WorkflowId = workflow.Id };
                stored.Pointers.Add(row);
            }
            else if (!row.EventPublished && pointer.EventPublished)
            {
                (published ??= []).Add(pointer.Id);
            }

            KernelValues.CopyTo(pointer, row);
        }

        // A step that has just received its event no longer waits for it: its subscription ends in the same
        // transaction (the kernel ends it right after this save; it then finds it gone and needs no write of its own).
        var consumed = published is null
            ? []
            : Reads is { } reads
                ? await reads.PointerSubscriptionsAsync(published, cancellationToken)
                : await _pointerSubscriptions(db, published).ToListAsync(cancellationToken);
        List<string>? marked = null;
        foreach (var subscription in consumed)
        {
            if (_soleSubscriber.TryRemove(subscription, out var eventId) && eventId is not null)
            {
                // The event's only subscriber has it now: the event is done in the same transaction.
                (marked ??= []).Add(eventId);
            }
        }

        try
        {
            await writer.SaveAsync(db, stored, before, (subscriptions ?? []).ConvertAll(ToRow), consumed, marked ?? [], cancellationToken);
        }
        catch
        {
            // Not saved: the rows in memory are ahead of the database, and must not be reused.
            _read.TryRemove(workflow.Id, out _);
            leases.TakeKept(workflow.Id);
            throw;
        }

        foreach (var subscription in consumed)
        {
            _consumed[subscription] = 0;
        }

        foreach (var eventId in marked ?? [])
        {
            _marked[eventId] = 0;
        }

        // The rows as saved, kept with the instance's lease: the kernel's next run of the instance under the same lease
        // (an event recorded on it, then the steps it resumes) reads them from here.
        if (stored.Status == (int)WorkflowStatus.Runnable)
        {
            leases.Keep(workflow.Id, stored);
        }
    });

    /// <summary>The statements of a save, built once from the kernel's model on this provider's database.</summary>
    private KernelRowWriter? _writer;

    /// <summary>
    /// Events being recorded, by name, key and time, from <see cref="GetEvent"/> to <see cref="GetSubscriptions"/> (the
    /// kernel reads an event, then the subscriptions it answers, by those three); null when two events share them.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Name, string Key, DateTime Time), string?> _reading = new();

    /// <summary>
    /// Subscriptions that are the only subscriber of the event being recorded, with that event's id (null when two
    /// events were read for one subscription meanwhile). The kernel marks an event processed once every subscriber
    /// has it; the save that gives it to its only subscriber marks it too, and <see cref="MarkEventProcessed"/> then
    /// has nothing to write.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _soleSubscriber = new(StringComparer.Ordinal);

    /// <summary>Events marked processed with the save of their only subscriber, for <see cref="MarkEventProcessed"/> to skip.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _marked = new(StringComparer.Ordinal);

    /// <summary>Beyond this many entries (events read and never followed up, as a sibling's), the maps above start again.</summary>
    private const int MaxPending = 10_000;

    /// <summary>Subscriptions ended with the save of their instance, for <see cref="TerminateSubscription"/> to skip.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _consumed = new(StringComparer.Ordinal);

    private readonly Func<KernelDbContext, List<string>, IAsyncEnumerable<string>> _pointerSubscriptions = EF.CompileAsyncQuery(
        (KernelDbContext db, List<string> pointers) => db.KernelSubscriptions.AsNoTracking()
            .Where(s => s.ExecutionPointerId != null && pointers.Contains(s.ExecutionPointerId))
            .Select(s => s.Id));

    public Task<IEnumerable<string>> GetRunnableInstances(DateTime asAt, CancellationToken cancellationToken = default) => WithContext(async db =>
    {
        var ticks = asAt.ToUniversalTime().Ticks;
        var runnable = (int)WorkflowStatus.Runnable;
        IEnumerable<string> ids = await db.KernelWorkflows.AsNoTracking()
            .Where(w => w.Status == runnable && w.NextExecution != null && w.NextExecution <= ticks)
            .OrderBy(w => w.NextExecution)
            .Select(w => w.Id)
            .Take(1000)
            .ToListAsync(cancellationToken);
        return ids;
    });

    public Task<IEnumerable<WorkflowInstance>> GetWorkflowInstances(WorkflowStatus? status, string type, DateTime? createdFrom, DateTime? createdTo, int skip, int take) => WithContext(async db =>
    {
        var query = db.KernelWorkflows.AsNoTracking().Include(w => w.Pointers).AsQueryable();
        if (status is { } s)
        {
            query = query.Where(w => w.Status == (int)s);
        }

        if (!string.IsNullOrEmpty(type))
        {
            query = query.Where(w => w.DefinitionId == type);
        }

        if (createdFrom is { } from)
        {
            query = query.Where(w => w.CreateTime >= from);
        }

        if (createdTo is { } to)
        {
            query = query.Where(w => w.CreateTime <= to);
        }

        var rows = await query.OrderBy(w => w.Id).Skip(skip).Take(take).ToListAsync();
        return rows.Select(KernelValues.ToInstance);
    });

    public async Task<WorkflowInstance> GetWorkflowInstance(string Id, CancellationToken cancellationToken = default) =>
        leases.TakeKept(Id) is KernelWorkflow kept
            ? Remember(Id, kept)
            : Reads is { } reads
                ? Remember(Id, await reads.InstanceAsync(Id, cancellationToken))
                : await WithContext(async db => Remember(Id, await _instance(db, Id)));

    private Task<KernelWorkflow?> ReadInstanceAsync(KernelDbContext db, string id, CancellationToken cancellationToken) =>
        Reads is { } reads ? reads.InstanceAsync(id, cancellationToken) : _instance(db, id);

    private WorkflowInstance Remember(string Id, KernelWorkflow? stored)
    {
        if (stored is null)
        {
            _read.TryRemove(Id, out _);
            return null!;
        }

        if (stored.Status == (int)WorkflowStatus.Runnable)
        {
            _read[Id] = stored;
        }

        return KernelValues.ToInstance(stored);
    }

    public Task<IEnumerable<WorkflowInstance>> GetWorkflowInstances(IEnumerable<string> ids, CancellationToken cancellationToken = default) => WithContext(async db =>
    {
        var list = ids.ToList();
        var rows = await db.KernelWorkflows.AsNoTracking().Include(w => w.Pointers).Where(w => list.Contains(w.Id)).ToListAsync(cancellationToken);
        return rows.Select(KernelValues.ToInstance);
    });

    public Task<string> CreateEventSubscription(EventSubscription subscription, CancellationToken cancellationToken = default) => WithContext(async db =>
    {
        var row = ToRow(subscription);
        db.KernelSubscriptions.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return row.Id;
    });

    public async Task<IEnumerable<EventSubscription>> GetSubscriptions(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default)
    {
        var utc = KernelValues.Utc(asOf);
        var rows = Reads is { } reads
            ? await reads.SubscriptionsAsync(eventName, eventKey, utc, cancellationToken)
            : await WithContext(async db => await _subscriptions(db, eventName, eventKey, utc).ToListAsync(cancellationToken));
        var eventId = _reading.TryRemove((eventName, eventKey, utc), out var read) ? read : null;
        if (eventId is not null && rows is [{ ExecutionPointerId: not null } only])
        {
            if (_soleSubscriber.Count >= MaxPending)
            {
                _soleSubscriber.Clear();
            }

            _soleSubscriber.AddOrUpdate(only.Id, eventId, (_, other) => other == eventId ? eventId : null);
        }
        else
        {
            // Another event for these subscribers, or one of several: none is the sole subscriber of a known event.
            foreach (var row in rows)
            {
                _soleSubscriber.TryRemove(row.Id, out _);
            }
        }

        return rows.Select(FromRow);
    }

    public Task TerminateSubscription(string eventSubscriptionId, CancellationToken cancellationToken = default) =>
        _consumed.TryRemove(eventSubscriptionId, out _)
            ? Task.CompletedTask
            : WithContext(db => db.KernelSubscriptions.Where(s => s.Id == eventSubscriptionId).ExecuteDeleteAsync(cancellationToken));

    public Task<EventSubscription> GetSubscription(string eventSubscriptionId, CancellationToken cancellationToken = default) => WithContext(async db =>
    {
        // Read to give it an activity's result, not an event: whatever event was read for it is not the one it gets.
        _soleSubscriber.TryRemove(eventSubscriptionId, out _);
        var row = await db.KernelSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == eventSubscriptionId, cancellationToken);
        return row is null ? null! : FromRow(row);
    });

    public Task<EventSubscription> GetFirstOpenSubscription(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default) => WithContext(async db =>
    {
        var utc = KernelValues.Utc(asOf);
        var row = await db.KernelSubscriptions.AsNoTracking()
            .Where(s => s.EventName == eventName && s.EventKey == eventKey && s.SubscribeAsOf <= utc && s.ExternalToken == null)
            .OrderBy(s => s.SubscribeAsOf)
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null! : FromRow(row);
    });

    public Task<bool> SetSubscriptionToken(string eventSubscriptionId, string token, string workerId, DateTime expiry, CancellationToken cancellationToken = default) => WithContext(async db =>
    {
        var utc = KernelValues.Utc(expiry);
        var changed = await db.KernelSubscriptions
            .Where(s => s.Id == eventSubscriptionId && s.ExternalToken == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ExternalToken, token).SetProperty(s => s.ExternalWorkerId, workerId).SetProperty(s => s.ExternalTokenExpiry, utc), cancellationToken);
        return changed == 1;
    });

    public Task ClearSubscriptionToken(string eventSubscriptionId, string token, CancellationToken cancellationToken = default) => WithContext(db =>
        db.KernelSubscriptions
            .Where(s => s.Id == eventSubscriptionId && s.ExternalToken == token)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ExternalToken, (string?)null).SetProperty(s => s.ExternalWorkerId, (string?)null).SetProperty(s => s.ExternalTokenExpiry, (DateTime?)null), cancellationToken));

    public Task<string> CreateEvent(Event newEvent, CancellationToken cancellationToken = default) => WithContext(async db =>
    {
        var row = ToRow(newEvent);
        db.KernelEvents.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return row.Id;
    });

    /// <summary>The event row for <paramref name="newEvent"/>, for callers that save it with their own changes.</summary>
    public static KernelEvent ToRow(Event newEvent)
    {
        if (string.IsNullOrEmpty(newEvent.Id))
        {
            newEvent.Id = Guid.CreateVersion7().ToString();
        }

        return new KernelEvent
        {
            Id = newEvent.Id,
            EventName = newEvent.EventName,
            EventKey = newEvent.EventKey,
            EventData = KernelValues.Write(newEvent.EventData),
            EventTime = KernelValues.Utc(newEvent.EventTime),
            IsProcessed = newEvent.IsProcessed,
        };
    }

    /// <summary>
    /// Events this process has just stored and queued, until the kernel first reads them: the kernel reads an event
    /// first thing when it takes it from its queue, and this process wrote the row a moment before. Should another
    /// process have recorded it meanwhile, recording it again changes nothing (see
    /// <see cref="DatabaseLockProvider.IsEventLease"/>); any later read goes to the database.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, KernelEvent> _queued = new(StringComparer.Ordinal);

    /// <summary>An event stored by this process (committed) and about to be queued.</summary>
    internal void Queued(KernelEvent row)
    {
        if (_queued.Count >= MaxPending)
        {
            _queued.Clear();
        }

        _queued[row.Id] = row;
    }

    public async Task<Event> GetEvent(string id, CancellationToken cancellationToken = default) =>
        _queued.TryRemove(id, out var queued)
            ? ToEvent(queued)
            : ToEvent(Reads is { } reads ? await reads.EventAsync(id, cancellationToken) : await WithContext(db => _event(db, id)));

    private Event ToEvent(KernelEvent? row)
    {
        if (row is { IsProcessed: false })
        {
            if (_reading.Count >= MaxPending)
            {
                _reading.Clear();
            }

            var at = KernelValues.Utc(row.EventTime);
            _reading.AddOrUpdate((row.EventName, row.EventKey, at), row.Id, (_, other) => other == row.Id ? row.Id : null);
        }

        return row is null
            ? null!
            : new Event
            {
                Id = row.Id,
                EventName = row.EventName,
                EventKey = row.EventKey,
                EventData = KernelValues.Read(row.EventData),
                EventTime = KernelValues.Utc(row.EventTime),
                IsProcessed = row.IsProcessed,
            };
    }

    /// <summary>
    /// The unprocessed events of <paramref name="events"/> due at <paramref name="asAt"/> that a step waits for (a
    /// subscription of <paramref name="subscriptions"/> would take them). An event no step waits for yet (a milestone
    /// recorded before the workflow reaches the step that waits for it, a second completion of a step already resumed)
    /// moves nothing now: the kernel would only find no subscriber and set it aside; the step that subscribes later
    /// takes it as it subscribes.
    /// </summary>
    internal static IQueryable<KernelEvent> AwaitedEvents(IQueryable<KernelEvent> events, IQueryable<KernelSubscription> subscriptions, DateTime asAt) =>
        events.Where(e => !e.IsProcessed && e.EventTime <= asAt
            && subscriptions.Any(s => s.EventName == e.EventName && s.EventKey == e.EventKey && s.SubscribeAsOf <= e.EventTime));

    /// <summary>
    /// The events a step waits for (<see cref="AwaitedEvents"/>), oldest first. Those no step waits for are left out: at
    /// every poll they would be read for nothing, and, the oldest, a thousand of them would hide every newer event.
    /// </summary>
    public Task<IEnumerable<string>> GetRunnableEvents(DateTime asAt, CancellationToken cancellationToken = default) => WithContext(async db =>
    {
        IEnumerable<string> ids = await AwaitedEvents(db.KernelEvents.AsNoTracking(), db.KernelSubscriptions, KernelValues.Utc(asAt))
            .OrderBy(e => e.EventTime)
            .Select(e => e.Id)
            .Take(1000)
            .ToListAsync(cancellationToken);
        return ids;
    });

    public async Task<IEnumerable<string>> GetEvents(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default) =>
        Reads is { } reads
            ? await reads.EventIdsAsync(eventName, eventKey, KernelValues.Utc(asOf), cancellationToken)
            : await WithContext(async db => await _events(db, eventName, eventKey, KernelValues.Utc(asOf)).ToListAsync(cancellationToken));

    public Task MarkEventProcessed(string id, CancellationToken cancellationToken = default) =>
        _marked.TryRemove(id, out _)
            ? Task.CompletedTask
            : WithContext(db => db.KernelEvents.Where(e => e.Id == id).ExecuteUpdateAsync(u => u.SetProperty(e => e.IsProcessed, true), cancellationToken));

    public Task MarkEventUnprocessed(string id, CancellationToken cancellationToken = default) => WithContext(db =>
        db.KernelEvents.Where(e => e.Id == id).ExecuteUpdateAsync(u => u.SetProperty(e => e.IsProcessed, false), cancellationToken));

    public Task PersistErrors(IEnumerable<ExecutionError> errors, CancellationToken cancellationToken = default)
    {
        // Called after every run of an instance, nearly always with none.
        var list = errors.ToList();
        return list.Count == 0 ? Task.CompletedTask : SaveErrors(list, cancellationToken);
    }

    private Task<bool> SaveErrors(List<ExecutionError> list, CancellationToken cancellationToken) => WithContext(async db =>
    {
        db.KernelErrors.AddRange(list.Select(e => new KernelError
        {
            WorkflowId = e.WorkflowId,
            ExecutionPointerId = e.ExecutionPointerId,
            ErrorTime = KernelValues.Utc(e.ErrorTime),
            Message = e.Message.Length > 4000 ? e.Message[..4000] : e.Message,
        }));
        await db.SaveChangesAsync(cancellationToken);
    });

    public void EnsureStoreExists()
    {
        // The module's migrations create the tables (nmirf db migrate, or at start).
    }

    public Task ScheduleCommand(ScheduledCommand command) => WithContext(async db =>
    {
        var exists = await db.KernelCommands.AnyAsync(c => c.CommandName == command.CommandName && c.Data == command.Data);
        if (exists)
        {
            await db.KernelCommands.Where(c => c.CommandName == command.CommandName && c.Data == command.Data && c.ExecuteTime > command.ExecuteTime)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.ExecuteTime, command.ExecuteTime));
            return;
        }

        db.KernelCommands.Add(new KernelCommand { CommandName = command.CommandName, Data = command.Data, ExecuteTime = command.ExecuteTime });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another process scheduled the same command meanwhile: one is enough.
        }
    });

    public Task ProcessCommands(DateTimeOffset asOf, Func<ScheduledCommand, Task> action, CancellationToken cancellationToken = default) => WithContext(async db =>
    {
        var ticks = asOf.UtcTicks;
        var due = await db.KernelCommands.AsNoTracking().Where(c => c.ExecuteTime < ticks).OrderBy(c => c.ExecuteTime).Take(1000).ToListAsync(cancellationToken);
        foreach (var command in due)
        {
            await action(new ScheduledCommand { CommandName = command.CommandName, Data = command.Data, ExecuteTime = command.ExecuteTime });
            await db.KernelCommands.Where(c => c.Id == command.Id).ExecuteDeleteAsync(cancellationToken);
        }
    });

    private static KernelSubscription ToRow(EventSubscription s)
    {
        if (string.IsNullOrEmpty(s.Id))
        {
            s.Id = Guid.CreateVersion7().ToString();
        }

        return new KernelSubscription
        {
            Id = s.Id,
            WorkflowId = s.WorkflowId,
            StepId = s.StepId,
            ExecutionPointerId = s.ExecutionPointerId,
            EventName = s.EventName,
            EventKey = s.EventKey,
            SubscribeAsOf = KernelValues.Utc(s.SubscribeAsOf),
            SubscriptionData = KernelValues.Write(s.SubscriptionData),
            ExternalToken = s.ExternalToken,
            ExternalWorkerId = s.ExternalWorkerId,
            ExternalTokenExpiry = KernelValues.Utc(s.ExternalTokenExpiry),
        };
    }

    private static EventSubscription FromRow(KernelSubscription s) => new()
    {
        Id = s.Id,
        WorkflowId = s.WorkflowId,
        StepId = s.StepId,
        ExecutionPointerId = s.ExecutionPointerId,
        EventName = s.EventName,
        EventKey = s.EventKey,
        SubscribeAsOf = KernelValues.Utc(s.SubscribeAsOf),
        SubscriptionData = KernelValues.Read(s.SubscriptionData),
        ExternalToken = s.ExternalToken,
        ExternalWorkerId = s.ExternalWorkerId,
        ExternalTokenExpiry = KernelValues.Utc(s.ExternalTokenExpiry),
    };
}
