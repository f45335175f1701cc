using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nmirf.Workflows.Definitions;
using Nmirf.Workflows.Kernel;
using Nmirf.Workflows.Contracts;
using Nmirf.Workflows.Model;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace Nmirf.Workflows.Engine;

/// <summary>
/// The workflow engine as the rest of the system sees it. The kernel behind it (WorkflowCore) is an implementation
/// detail: no other module references it, so it can be replaced without touching them.
/// </summary>
public interface IWorkflowEngine
{
    /// <summary>True once <see cref="StartAsync"/> has started the kernel in this process.</summary>
    bool IsRunning { get; }

    /// <summary>Starts executing workflows in this process (the host does at start; CLI verbs that move workflows do too).</summary>
    Task StartAsync(CancellationToken cancellationToken = default);

    Task StopAsync(CancellationToken cancellationToken = default);

    /// <summary>Waits until none of <paramref name="instanceIds"/> (null: no instance) has work it can do now; false on timeout.</summary>
    Task<bool> WaitForIdleAsync(IReadOnlyCollection<string>? instanceIds, TimeSpan timeout, CancellationToken cancellationToken = default);
}

/// <summary>Where the kernel keeps its state: our database (the product) or memory (the benchmark's baseline).</summary>
public enum KernelStore
{
    Database,
    Memory,
}

/// <summary>Settings of the workflow engine (section <c>Workflows</c>).</summary>
public sealed class WorkflowSettings
{
    /// <summary>How often the kernel looks in the database for work other processes created and for timers that fell due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a worker waits for another to finish with an instance before leaving it to the next poll.</summary>
    public TimeSpan LockWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a failing step waits before it is tried again.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long the kernel's dispatcher waits before it looks again when all its workers are busy (WorkflowCore's own
    /// default is 100 ms, which left a worker that finished early idle for the rest of it while work was queued).
    /// </summary>
    public TimeSpan IdleTime { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Workflows executed at once in one process.</summary>
    public int MaxConcurrentWorkflows { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Where the kernel keeps its state; Memory is for the benchmark's baseline only (nothing survives a restart).</summary>
    public KernelStore Store { get; set; } = KernelStore.Database;

    /// <summary>Whether the kernel schedules its work as command rows in the database (see EfPersistenceProvider).</summary>
    public bool ScheduledCommands { get; set; }

    /// <summary>How long a process's lease on a workflow lasts; a killed process's leases free up after this.</summary>
    public TimeSpan LockLease { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long a released lease stays in the database for another worker of this process to take again without a
    /// write (zero: deleted at once). Another process waits at most this long for it.
    /// </summary>
    public TimeSpan LeaseHold { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The settings out of their range, each named by its configuration key (none: the settings can be used).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Check(bool ok, string key, TimeSpan value, string range)
        {
            if (!ok)
            {
                problems.Add($"Workflows:{key} '{value}' must be {range}");
            }
        }

        Check(PollInterval > TimeSpan.Zero, nameof(PollInterval), PollInterval, "more than zero");
        Check(RetryInterval > TimeSpan.Zero, nameof(RetryInterval), RetryInterval, "more than zero");
        Check(LockLease > TimeSpan.Zero, nameof(LockLease), LockLease, "more than zero");
        Check(LockWait >= TimeSpan.Zero, nameof(LockWait), LockWait, "zero or more");
        Check(LeaseHold >= TimeSpan.Zero, nameof(LeaseHold), LeaseHold, "zero or more");
        Check(IdleTime >= TimeSpan.Zero && IdleTime <= TimeSpan.FromSeconds(1), nameof(IdleTime), IdleTime, "between zero and one second");
        if (MaxConcurrentWorkflows < 1)
        {
            problems.Add($"Workflows:MaxConcurrentWorkflows '{MaxConcurrentWorkflows}' must be at least 1");
        }

        return problems;
    }
}

/// <summary>
/// Adapts WorkflowCore: starts and stops its host, adds new instances and events in the caller's transaction (so a
/// started cycle or a completed task is never committed without the kernel work that follows from it), and queues
/// them for immediate execution after the commit.
/// </summary>
internal sealed class WorkflowEngine(IServiceProvider services, WorkflowSettings settings, ILogger<WorkflowEngine> logger) : IWorkflowEngine
{
    private int _running;

    public bool IsRunning => Volatile.Read(ref _running) == 1;

    private IWorkflowHost Host => services.GetRequiredService<IWorkflowHost>();

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            return;
        }

        await Host.StartAsync(cancellationToken);
        logger.LogInformation("Workflow engine started ({Store} store, polling every {Interval})", settings.Store, settings.PollInterval);
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _running, 0) == 0)
        {
            return;
        }

        await Host.StopAsync(cancellationToken);
    }

    /// <summary>
    /// A new instance of <paramref name="definition"/>, added to <paramref name="db"/>'s pending changes when the
    /// kernel's store is the database; the returned action, run after the commit, queues it (or, in memory, creates it).
    /// </summary>
    public (string InstanceId, Func<Task> AfterCommit) StageStart(WorkflowsDbContext db, WorkflowDefinition definition, CycleData data, DateTime now)
    {
        var instance = new WorkflowInstance
        {
            Id = Guid.CreateVersion7().ToString(),
            WorkflowDefinitionId = definition.Id,
            Version = definition.Version,
            Data = data,
            Description = definition.Description,
            Reference = data.RunId.ToString(),
            NextExecution = 0,
            Status = WorkflowStatus.Runnable,
            CreateTime = now,
            ExecutionPointers = new ExecutionPointerCollection(),
        };
        instance.ExecutionPointers.Add(services.GetRequiredService<IExecutionPointerFactory>().BuildGenesisPointer(definition));
        if (settings.Store == KernelStore.Database)
        {
            var stored = new KernelWorkflow { Id = instance.Id };
            KernelValues.CopyTo(instance, stored);
            foreach (var pointer in instance.ExecutionPointers)
            {
                var row = new KernelPointer { Id = pointer.Id, WorkflowId = instance.Id };
                KernelValues.CopyTo(pointer, row);
                stored.Pointers.Add(row);
            }

            db.KernelWorkflows.Add(stored);
            return (instance.Id, () => Queue(instance.Id, QueueType.Workflow));
        }

        return (instance.Id, async () =>
        {
            await services.GetRequiredService<IPersistenceProvider>().CreateNewWorkflow(instance);
            await Queue(instance.Id, QueueType.Workflow);
        });
    }

    /// <summary>An event for the steps waiting on (<paramref name="name"/>, <paramref name="key"/>), staged like <see cref="StageStart"/>.</summary>
    public Func<Task> StageEvent(WorkflowsDbContext db, string name, string key, string payload, DateTime now)
    {
        if (settings.Store == KernelStore.Database)
        {
            var row = EfPersistenceProvider.ToRow(new Event { EventName = name, EventKey = key, EventData = payload, EventTime = now, IsProcessed = false });
            db.KernelEvents.Add(row);
            return () =>
            {
                if (IsRunning)
                {
                    services.GetRequiredService<EfPersistenceProvider>().Queued(row);
                }

                return Queue(row.Id, QueueType.Event);
            };
        }

        return () => Host.PublishEvent(name, key, payload, now);
    }

    private Task Queue(string id, QueueType queue) =>
        IsRunning ? services.GetRequiredService<IQueueProvider>().QueueWork(id, queue) : Task.CompletedTask;

    public async Task<bool> WaitForIdleAsync(IReadOnlyCollection<string>? instanceIds, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        var deadline = DateTime.UtcNow + timeout;
        var runnable = (int)WorkflowStatus.Runnable;
        while (DateTime.UtcNow < deadline)
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
                var now = clock.GetUtcNow().UtcDateTime;
                var ticks = now.Ticks;
                // Due workflows and the events a step waits for (one no step waits for yet moves nothing now; the step
                // that subscribes later takes it in a run counted as due). One statement, so one view of the database:
                // read apart, the workflows could be read just before an event is given to its step (the workflow then
                // becoming due) and the events just after (the event then processed), and a workflow about to move be
                // taken for idle.
                var busy = await db.KernelWorkflows
                    .Where(w => (instanceIds == null || instanceIds.Contains(w.Id)) && w.Status == runnable && w.NextExecution != null && w.NextExecution <= ticks)
                    .Select(w => 1)
                    .Concat(EfPersistenceProvider.AwaitedEvents(db.KernelEvents, db.KernelSubscriptions, now).Select(e => 1))
                    .AnyAsync(cancellationToken);
                if (!busy)
                {
                    return true;
                }
            }

            await Task.Delay(25, cancellationToken);
        }

        return false;
    }
}

/// <summary>
/// The kernel's registry of definitions, filled on demand from the stored definitions: a host that did not import a
/// definition (another process did) still runs its instances, at the exact version they started on.
/// </summary>
internal sealed class DefinitionRegistry(IServiceScopeFactory scopes, WorkflowSettings settings) : IWorkflowRegistry
{
    private readonly ConcurrentDictionary<(string Key, int Version), WorkflowDefinition> _definitions = new();

    public void RegisterWorkflow(IWorkflow workflow) => throw new NotSupportedException("Workflows are defined as JSON documents (docs/workflows.md).");

    public void RegisterWorkflow<TData>(IWorkflow<TData> workflow) where TData : new() => throw new NotSupportedException("Workflows are defined as JSON documents (docs/workflows.md).");

    public void RegisterWorkflow(WorkflowDefinition definition) => _definitions[(definition.Id, definition.Version)] = definition;

    public WorkflowDefinition GetDefinition(string workflowId, int? version = null)
    {
        if (version is { } v && _definitions.TryGetValue((workflowId, v), out var known))
        {
            return known;
        }

        var (scope, id) = KernelKeys.Split(workflowId);
        using var services = scopes.CreateScope();
        var db = services.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        var stored = db.Definitions.AsNoTracking()
            .Where(d => d.Scope == scope && d.DefinitionId == id && d.State == DefinitionState.Published && (version == null || d.Version == version))
            .OrderByDescending(d => d.Version)
            .FirstOrDefault();
        if (stored is null)
        {
            return null!;
        }

        return _definitions.GetOrAdd((workflowId, stored.Version), _ => Compile(stored));
    }

    public WorkflowDefinition Compile(StoredDefinition stored)
    {
        // Stored definitions were checked when saved; reading them again cannot fail unless the database was edited by hand.
        var (document, errors) = DefinitionReader.Read(stored.Json, _ => true, AcceptAnyActivity.Instance);
        if (document is null)
        {
            throw new InvalidDataException($"Stored definition {stored.KernelKey} v{stored.Version} no longer reads: {string.Join("; ", errors)}");
        }

        return DefinitionCompiler.Compile(stored.KernelKey, document, settings.RetryInterval);
    }

    public bool IsRegistered(string workflowId, int version) => _definitions.ContainsKey((workflowId, version));

    public void DeregisterWorkflow(string workflowId, int version) => _definitions.TryRemove((workflowId, version), out _);

    public IEnumerable<WorkflowDefinition> GetAllDefinitions() => _definitions.Values;

    /// <summary>Re-reading a stored definition does not depend on which plugins are loaded now.</summary>
    private sealed class AcceptAnyActivity : IActivityCatalog
    {
        public static readonly AcceptAnyActivity Instance = new();

        public bool Knows(string type) => true;

        public IReadOnlyList<string> Check(string type, IReadOnlyDictionary<string, string> parameters) => [];
    }
}

/// <summary>The kernel reads the time from the injected clock, so timers can be tested on a fake one.</summary>
internal sealed class KernelClock(TimeProvider clock) : IDateTimeProvider
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime.ToLocalTime();

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;
}
