using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Nmirf.Workflows.Kernel;

/// <summary>
/// Writes the rows of one save of an instance (the instance, its pointers, the subscriptions its steps asked for and
/// those they consumed, the event they consumed) as plain statements in one command and one transaction, built from
/// the model (table and column names, and each column's type mapping, so values are stored exactly as EF Core stores
/// them on either database). Only the columns that changed are written. The kernel saves an instance after every
/// step; through change tracking each save attached the whole instance, snapshotted and compared every column, and
/// built its statements anew, which was the largest part of the kernel's work on the database.
/// </summary>
internal sealed class KernelRowWriter
{
    private readonly Table<KernelWorkflow> _workflows;
    private readonly Table<KernelPointer> _pointers;
    private readonly Table<KernelSubscription> _subscriptions;
    private readonly Table<KernelEvent> _events;

    public KernelRowWriter(KernelDbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        _workflows = new Table<KernelWorkflow>(db.Model, sql);
        _pointers = new Table<KernelPointer>(db.Model, sql);
        _subscriptions = new Table<KernelSubscription>(db.Model, sql);
        _events = new Table<KernelEvent>(db.Model, sql);
    }

    /// <summary>The values of an instance's columns and its pointers' columns, to find what a step changed.</summary>
    public Snapshot Take(KernelWorkflow workflow) => new(
        _workflows.Values(workflow),
        workflow.Pointers.ToDictionary(p => p.Id, p => _pointers.Values(p), StringComparer.Ordinal));

    public sealed record Snapshot(object?[] Workflow, Dictionary<string, object?[]> Pointers);

    /// <summary>
    /// Saves <paramref name="workflow"/> as changed since <paramref name="before"/>, with the subscriptions to add and
    /// delete and the events to mark processed, in one transaction. Every statement must touch its one row; otherwise
    /// nothing is saved (someone changed the rows meanwhile) and the kernel runs the step again.
    /// </summary>
    public async Task SaveAsync(KernelDbContext db, KernelWorkflow workflow, Snapshot before, IReadOnlyCollection<KernelSubscription> added,
        IReadOnlyCollection<string> deleted, IReadOnlyCollection<string> processedEvents, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var batch = new Batch(connection);
        try
        {
            _workflows.Update(batch.Next(), workflow, before.Workflow);
            foreach (var pointer in workflow.Pointers)
            {
                if (before.Pointers.TryGetValue(pointer.Id, out var old))
                {
                    _pointers.Update(batch.Next(), pointer, old);
                }
                else
                {
                    _pointers.Insert(batch.Next(), pointer);
                }
            }

            foreach (var subscription in added)
            {
                _subscriptions.Insert(batch.Next(), subscription);
            }

            foreach (var id in deleted)
            {
                _subscriptions.Delete(batch.Next(), id);
            }

            foreach (var id in processedEvents)
            {
                _events.Update(batch.Next(), new KernelEvent { Id = id, IsProcessed = true }, nameof(KernelEvent.IsProcessed));
            }

            var statements = batch.Statements;
            if (statements == 0)
            {
                return;
            }

            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await using var transaction = statements > 1 ? await connection.BeginTransactionAsync(cancellationToken) : null;
                var touched = 0;
                foreach (var part in batch.Parts.Where(p => p.Statements > 0))
                {
                    part.Command.CommandText = part.Text.ToString();
                    part.Command.Transaction = transaction;
                    touched += await part.Command.ExecuteNonQueryAsync(cancellationToken);
                }

                if (touched != statements)
                {
                    throw new DbUpdateConcurrencyException($"Workflow {workflow.Id}: {statements} rows to write, {touched} written; its rows changed meanwhile, nothing was saved.");
                }

                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        finally
        {
            foreach (var part in batch.Parts)
            {
                await part.Command.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The statements of one save, in commands of up to <see cref="MaxParameters"/> parameters each (SQL Server takes
    /// 2,100 per command), run in one transaction.
    /// </summary>
    private sealed class Batch(DbConnection connection)
    {
        public const int MaxParameters = 1000;

        public List<Part> Parts { get; } = [];

        public int Statements => Parts.Sum(p => p.Statements);

        /// <summary>The command the next statement goes to.</summary>
        public Part Next()
        {
            if (Parts.Count == 0 || Parts[^1].Command.Parameters.Count >= MaxParameters)
            {
                Parts.Add(new Part(connection.CreateCommand()));
            }

            return Parts[^1];
        }
    }

    private sealed class Part(DbCommand command)
    {
        public DbCommand Command { get; } = command;

        public StringBuilder Text { get; } = new();

        public int Statements { get; set; }
    }

    /// <summary>One table's statements, named and typed from the model.</summary>
    private sealed class Table<T>
        where T : class
    {
        private readonly string _name;
        private readonly Column _key;
        private readonly Column[] _columns;

        public Table(IModel model, ISqlGenerationHelper sql)
        {
            var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the kernel's model.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            _name = sql.DelimitIdentifier(table.Name, table.Schema);
            Column ToColumn(IProperty p) => new(p.Name, sql.DelimitIdentifier(p.GetColumnName(table)!), p.GetRelationalTypeMapping(), p.GetGetter(), p.IsNullable);
            var key = entity.FindPrimaryKey()!.Properties.Single();
            _key = ToColumn(key);
            _columns = entity.GetProperties().Where(p => p != key).Select(ToColumn).ToArray();
        }

        private sealed record Column(string Property, string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter, bool Nullable);

        public object?[] Values(T row) => Array.ConvertAll(_columns, c => c.Getter.GetClrValue(row));

        public void Insert(Part part, T row)
        {
            var (command, text) = (part.Command, part.Text);
            text.Append("INSERT INTO ").Append(_name).Append(" (").Append(_key.Name);
            foreach (var column in _columns)
            {
                text.Append(", ").Append(column.Name);
            }

            text.Append(") VALUES (").Append(Parameter(command, _key, _key.Getter.GetClrValue(row)));
            foreach (var column in _columns)
            {
                text.Append(", ").Append(Parameter(command, column, column.Getter.GetClrValue(row)));
            }

            text.Append(");\n");
            part.Statements++;
        }

        /// <summary>An update of the columns whose values differ from <paramref name="before"/>; nothing when none does.</summary>
        public void Update(Part part, T row, object?[] before)
        {
            var (command, text) = (part.Command, part.Text);
            var first = true;
            for (var i = 0; i < _columns.Length; i++)
            {
                var value = _columns[i].Getter.GetClrValue(row);
                if (Equals(value, before[i]))
                {
                    continue;
                }

                text.Append(first ? "UPDATE " + _name + " SET " : ", ").Append(_columns[i].Name).Append(" = ").Append(Parameter(command, _columns[i], value));
                first = false;
            }

            if (!first)
            {
                Where(part, row);
            }
        }

        /// <summary>An update of the named columns only.</summary>
        public void Update(Part part, T row, params string[] properties)
        {
            var (command, text) = (part.Command, part.Text);
            var first = true;
            foreach (var column in _columns.Where(c => properties.Contains(c.Property)))
            {
                text.Append(first ? "UPDATE " + _name + " SET " : ", ").Append(column.Name).Append(" = ").Append(Parameter(command, column, column.Getter.GetClrValue(row)));
                first = false;
            }

            if (!first)
            {
                Where(part, row);
            }
        }

        public void Delete(Part part, object key)
        {
            var (command, text) = (part.Command, part.Text);
            text.Append("DELETE FROM ").Append(_name).Append(" WHERE ").Append(_key.Name).Append(" = ").Append(Parameter(command, _key, key)).Append(";\n");
            part.Statements++;
        }

        private void Where(Part part, T row)
        {
            part.Text.Append(" WHERE ").Append(_key.Name).Append(" = ").Append(Parameter(part.Command, _key, _key.Getter.GetClrValue(row))).Append(";\n");
            part.Statements++;
        }

        private static string Parameter(DbCommand command, Column column, object? value)
        {
            var name = "@p" + command.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            command.Parameters.Add(column.Mapping.CreateParameter(command, name, value, column.Nullable));
            return name;
        }
    }
}
