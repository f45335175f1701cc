using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Nmirf.BuildingBlocks.Persistence;

/// <summary>
/// Inserts many new rows of one entity type with one prepared statement, on the context's connection and in its
/// current transaction, bypassing change tracking: for imports that create thousands of records. Column names, value
/// conversions and parameter types come from the EF Core model, so the rows are exactly those EF Core would write.
/// Rows inserted this way are not audited one by one: the caller records the import itself.
/// </summary>
public sealed class BulkInserter<T> : IAsyncDisposable
    where T : class
{
    private readonly DbCommand _command;
    private readonly (IProperty Property, RelationalTypeMapping Mapping, string Name)[] _columns;

    private BulkInserter(DbCommand command, (IProperty, RelationalTypeMapping, string)[] columns)
    {
        _command = command;
        _columns = columns;
    }

    /// <summary>Prepares the insert of <typeparamref name="T"/> on <paramref name="context"/>, whose transaction must be open.</summary>
    public static BulkInserter<T> Create(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entity = context.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = context.GetService<ISqlGenerationHelper>();
        var columns = entity.GetProperties()
            .Where(p => !p.IsShadowProperty() && p.GetColumnName(table) is not null)
            .Select((p, i) => (Property: p, Mapping: p.GetRelationalTypeMapping(), Name: $"@p{i}"))
            .ToArray();
        var transaction = context.Database.CurrentTransaction ?? throw new InvalidOperationException("A bulk insert runs inside the context's transaction.");
        var command = context.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!)))}) VALUES ({string.Join(", ", columns.Select(c => c.Name))})";
        return new BulkInserter<T>(command, columns.Select(c => (c.Property, c.Mapping, c.Name)).ToArray());
    }

    public async Task InsertAsync(T row, CancellationToken cancellationToken)
    {
        _command.Parameters.Clear();
        foreach (var (property, mapping, name) in _columns)
        {
            _command.Parameters.Add(mapping.CreateParameter(_command, name, property.GetGetter().GetClrValue(row), property.IsNullable));
        }

        await _command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
