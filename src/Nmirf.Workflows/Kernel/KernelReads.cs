using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Nmirf.Workflows.Kernel;

/// <summary>
/// The kernel's reads of every step and event (an instance with its pointers, an event, the subscriptions and the
/// events of a key, a step's subscriptions) on SQLite, each on a statement prepared once, on connections the kernel
/// keeps open. Through EF Core each read drew a pooled context, opened its connection (which registers the provider's
/// SQL functions again), had SQLite compile the statement, and closed it all: about 70 µs a read against 7 µs on a kept
/// statement (docs/benchmarks.md), twenty-odd times per cycle. The connections are opened by kernel contexts kept for
/// the purpose, so they get the product's connection settings (pragmas, write waits) like any other; the statements
/// name tables and columns from the model. On SQL Server the kernel reads through EF Core (<see cref="For"/> gives
/// null).
/// </summary>
internal sealed class KernelReads : IAsyncDisposable
{
    private readonly IDbContextFactory<KernelDbContext> _contexts;
    private readonly Statements _sql;

    /// <summary>The sessions no read is using; a session in use belongs to its read until it ends.</summary>
    private readonly System.Collections.Concurrent.ConcurrentBag<Session> _idle = [];
    private bool _disposed;

    private KernelReads(IDbContextFactory<KernelDbContext> contexts, Statements sql)
    {
        _contexts = contexts;
        _sql = sql;
    }

    /// <summary>The kept-statement reads for the database <paramref name="db"/> is on; null where the kernel reads through EF Core.</summary>
    public static KernelReads? For(IDbContextFactory<KernelDbContext> contexts, KernelDbContext db) =>
        db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite" ? new KernelReads(contexts, Statements.For(db)) : null;

    public Task<KernelWorkflow?> InstanceAsync(string id, CancellationToken cancellationToken) => ReadAsync(Query.Instance, [id], reader =>
    {
        KernelWorkflow? workflow = null;
        while (reader.Read())
        {
            workflow ??= ReadWorkflow(reader);
            if (!reader.IsDBNull(WorkflowColumns.Length))
            {
                workflow.Pointers.Add(ReadPointer(reader, WorkflowColumns.Length));
            }
        }

        return workflow;
    }, cancellationToken);

    public Task<KernelEvent?> EventAsync(string id, CancellationToken cancellationToken) => ReadAsync(Query.Event, [id], reader =>
        reader.Read() ? ReadEvent(reader) : null, cancellationToken);

    public Task<List<KernelSubscription>> SubscriptionsAsync(string name, string key, DateTime asOf, CancellationToken cancellationToken) =>
        ReadAsync(Query.Subscriptions, [name, key, asOf], reader =>
        {
            var rows = new List<KernelSubscription>();
            while (reader.Read())
            {
                rows.Add(ReadSubscription(reader));
            }

            return rows;
        }, cancellationToken);

    public Task<List<string>> EventIdsAsync(string name, string key, DateTime asOf, CancellationToken cancellationToken) =>
        ReadAsync(Query.EventIds, [name, key, asOf], Ids, cancellationToken);

    /// <summary>The ids of the subscriptions of the steps <paramref name="pointers"/> (a save has one or two).</summary>
    public async Task<List<string>> PointerSubscriptionsAsync(IReadOnlyList<string> pointers, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        foreach (var pointer in pointers)
        {
            ids.AddRange(await ReadAsync(Query.PointerSubscriptions, [pointer], Ids, cancellationToken));
        }

        return ids;
    }

    private static List<string> Ids(DbDataReader reader)
    {
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private enum Query
    {
        Instance,
        Event,
        Subscriptions,
        EventIds,
        PointerSubscriptions,
    }

    private async Task<T> ReadAsync<T>(Query query, object[] values, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        if (!_idle.TryTake(out var session))
        {
            session = await OpenAsync(cancellationToken);
        }

        var done = false;
        try
        {
            var command = session.Command(query, _sql);
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i];
            }

            // Synchronous reads: SQLite's reads are synchronous underneath, and the rows are few.
            T result;
            using (var reader = command.ExecuteReader())
            {
                result = read(reader);
            }

            done = true;
            return result;
        }
        finally
        {
            if (done)
            {
                _idle.Add(session);
                if (Volatile.Read(ref _disposed))
                {
                    // Disposed during the read: whatever is idle now goes (the dispose closed what was idle then).
                    await CloseIdleAsync();
                }
            }
            else
            {
                // A read that failed may have left its connection in any state: it goes.
                await session.DisposeAsync();
            }
        }
    }

    private async Task<Session> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed), this);
        var db = await _contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }

        return new Session(db);
    }

    private async Task CloseIdleAsync()
    {
        while (_idle.TryTake(out var session))
        {
            await session.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Volatile.Write(ref _disposed, true);
        await CloseIdleAsync();
    }

    /// <summary>A kept connection (opened by a kernel context of its own) and its prepared statements.</summary>
    private sealed class Session(KernelDbContext db) : IAsyncDisposable
    {
        private readonly DbCommand?[] _commands = new DbCommand?[Enum.GetValues<Query>().Length];

        public DbCommand Command(Query query, Statements sql)
        {
            if (_commands[(int)query] is { } prepared)
            {
                return prepared;
            }

            var (text, types) = sql.Of(query);
            var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = text;
            for (var i = 0; i < types.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                parameter.DbType = types[i];
                command.Parameters.Add(parameter);
            }

            command.Prepare();
            return _commands[(int)query] = command;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var command in _commands)
            {
                if (command is not null)
                {
                    await command.DisposeAsync();
                }
            }

            await db.Database.CloseConnectionAsync();
            await db.DisposeAsync();
        }
    }

    // The columns each statement reads, in the order the readers below take them.
    private static readonly string[] WorkflowColumns =
    [
        nameof(KernelWorkflow.Id), nameof(KernelWorkflow.DefinitionId), nameof(KernelWorkflow.Version), nameof(KernelWorkflow.Description),
        nameof(KernelWorkflow.Reference), nameof(KernelWorkflow.NextExecution), nameof(KernelWorkflow.Status), nameof(KernelWorkflow.Data),
        nameof(KernelWorkflow.CreateTime), nameof(KernelWorkflow.CompleteTime),
    ];

    private static readonly string[] PointerColumns =
    [
        nameof(KernelPointer.Id), nameof(KernelPointer.WorkflowId), nameof(KernelPointer.StepId), nameof(KernelPointer.Active),
        nameof(KernelPointer.SleepUntil), nameof(KernelPointer.PersistenceData), nameof(KernelPointer.StartTime), nameof(KernelPointer.EndTime),
        nameof(KernelPointer.EventName), nameof(KernelPointer.EventKey), nameof(KernelPointer.EventPublished), nameof(KernelPointer.EventData),
        nameof(KernelPointer.StepName), nameof(KernelPointer.RetryCount), nameof(KernelPointer.Children), nameof(KernelPointer.ContextItem),
        nameof(KernelPointer.PredecessorId), nameof(KernelPointer.Outcome), nameof(KernelPointer.Status), nameof(KernelPointer.Scope),
    ];

    private static readonly string[] SubscriptionColumns =
    [
        nameof(KernelSubscription.Id), nameof(KernelSubscription.WorkflowId), nameof(KernelSubscription.StepId), nameof(KernelSubscription.ExecutionPointerId),
        nameof(KernelSubscription.EventName), nameof(KernelSubscription.EventKey), nameof(KernelSubscription.SubscribeAsOf),
        nameof(KernelSubscription.SubscriptionData), nameof(KernelSubscription.ExternalToken), nameof(KernelSubscription.ExternalWorkerId),
        nameof(KernelSubscription.ExternalTokenExpiry),
    ];

    private static readonly string[] EventColumns =
    [
        nameof(KernelEvent.Id), nameof(KernelEvent.EventName), nameof(KernelEvent.EventKey), nameof(KernelEvent.EventData),
        nameof(KernelEvent.EventTime), nameof(KernelEvent.IsProcessed),
    ];

    private static KernelWorkflow ReadWorkflow(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        DefinitionId = r.GetString(1),
        Version = r.GetInt32(2),
        Description = Text(r, 3),
        Reference = Text(r, 4),
        NextExecution = r.IsDBNull(5) ? null : r.GetInt64(5),
        Status = r.GetInt32(6),
        Data = Text(r, 7),
        CreateTime = r.GetDateTime(8),
        CompleteTime = Time(r, 9),
    };

    private static KernelPointer ReadPointer(DbDataReader r, int o) => new()
    {
        Id = r.GetString(o),
        WorkflowId = r.GetString(o + 1),
        StepId = r.GetInt32(o + 2),
        Active = r.GetBoolean(o + 3),
        SleepUntil = Time(r, o + 4),
        PersistenceData = Text(r, o + 5),
        StartTime = Time(r, o + 6),
        EndTime = Time(r, o + 7),
        EventName = Text(r, o + 8),
        EventKey = Text(r, o + 9),
        EventPublished = r.GetBoolean(o + 10),
        EventData = Text(r, o + 11),
        StepName = Text(r, o + 12),
        RetryCount = r.GetInt32(o + 13),
        Children = Text(r, o + 14),
        ContextItem = Text(r, o + 15),
        PredecessorId = Text(r, o + 16),
        Outcome = Text(r, o + 17),
        Status = r.GetInt32(o + 18),
        Scope = Text(r, o + 19),
    };

    private static KernelSubscription ReadSubscription(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        WorkflowId = r.GetString(1),
        StepId = r.GetInt32(2),
        ExecutionPointerId = Text(r, 3),
        EventName = r.GetString(4),
        EventKey = r.GetString(5),
        SubscribeAsOf = r.GetDateTime(6),
        SubscriptionData = Text(r, 7),
        ExternalToken = Text(r, 8),
        ExternalWorkerId = Text(r, 9),
        ExternalTokenExpiry = Time(r, 10),
    };

    private static KernelEvent ReadEvent(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        EventName = r.GetString(1),
        EventKey = r.GetString(2),
        EventData = Text(r, 3),
        EventTime = r.GetDateTime(4),
        IsProcessed = r.GetBoolean(5),
    };

    private static string? Text(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    private static DateTime? Time(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetDateTime(ordinal);

    /// <summary>The statements, named from the model (the module's table prefix on SQLite).</summary>
    private sealed class Statements
    {
        private readonly (string Text, DbType[] Types)[] _all;

        private Statements((string, DbType[])[] all) => _all = all;

        public (string Text, DbType[] Types) Of(Query query) => _all[(int)query];

        public static Statements For(KernelDbContext db)
        {
            static string List(KernelTable table, string alias, string[] properties) => string.Join(", ", properties.Select(p => alias + "." + table.Column(p)));

            var (workflows, pointers, subscriptions, events) = (KernelTable.Of<KernelWorkflow>(db), KernelTable.Of<KernelPointer>(db), KernelTable.Of<KernelSubscription>(db), KernelTable.Of<KernelEvent>(db));
            var all = new (string, DbType[])[Enum.GetValues<Query>().Length];
            all[(int)Query.Instance] = (
                $"SELECT {List(workflows, "w", WorkflowColumns)}, {List(pointers, "p", PointerColumns)} FROM {workflows.Name} AS w " +
                $"LEFT JOIN {pointers.Name} AS p ON p.{pointers.Column(nameof(KernelPointer.WorkflowId))} = w.{workflows.Column(nameof(KernelWorkflow.Id))} " +
                $"WHERE w.{workflows.Column(nameof(KernelWorkflow.Id))} = $p0",
                [DbType.String]);
            all[(int)Query.Event] = (
                $"SELECT {List(events, "e", EventColumns)} FROM {events.Name} AS e WHERE e.{events.Column(nameof(KernelEvent.Id))} = $p0",
                [DbType.String]);
            all[(int)Query.Subscriptions] = (
                $"SELECT {List(subscriptions, "s", SubscriptionColumns)} FROM {subscriptions.Name} AS s " +
                $"WHERE s.{subscriptions.Column(nameof(KernelSubscription.EventName))} = $p0 AND s.{subscriptions.Column(nameof(KernelSubscription.EventKey))} = $p1 " +
                $"AND s.{subscriptions.Column(nameof(KernelSubscription.SubscribeAsOf))} <= $p2",
                [DbType.String, DbType.String, DbType.DateTime]);
            all[(int)Query.EventIds] = (
                $"SELECT e.{events.Column(nameof(KernelEvent.Id))} FROM {events.Name} AS e " +
                $"WHERE e.{events.Column(nameof(KernelEvent.EventName))} = $p0 AND e.{events.Column(nameof(KernelEvent.EventKey))} = $p1 AND e.{events.Column(nameof(KernelEvent.EventTime))} >= $p2",
                [DbType.String, DbType.String, DbType.DateTime]);
            all[(int)Query.PointerSubscriptions] = (
                $"SELECT s.{subscriptions.Column(nameof(KernelSubscription.Id))} FROM {subscriptions.Name} AS s WHERE s.{subscriptions.Column(nameof(KernelSubscription.ExecutionPointerId))} = $p0",
                [DbType.String]);
            return new Statements(all);
        }
    }
}
