using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using Nmirf.BuildingBlocks.Persistence;
using Nmirf.BuildingBlocks.Tenancy;

namespace Nmirf.BuildingBlocks.Auditing;

/// <summary>The services a module's context needs to filter by country and to audit its changes.</summary>
public sealed class ModuleContextServices(ITenantContext tenant, IActorContext actor, TimeProvider clock, IDatabaseEngine provider)
{
    public ITenantContext Tenant { get; } = tenant;
    public IActorContext Actor { get; } = actor;
    public TimeProvider Clock { get; } = clock;
    public IDatabaseEngine Provider { get; } = provider;
}

/// <summary>
/// The base of module contexts whose data belongs to countries: queries are filtered by the current tenant, and
/// every saved change is written to the audit log in the same transaction, so a change and its audit row are
/// committed or rolled back together.
/// </summary>
public abstract class AuditedModuleDbContext(DbContextOptions options, ModuleContextServices services) : ModuleDbContext(options)
{
    /// <summary>The tenant that query filters compare with; null reads every country.</summary>
    protected string? CurrentCountry => services.Tenant.CountryCode;

    /// <summary>Synchronous saves would bypass the audit transaction; module code saves asynchronously.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new InvalidOperationException("Module contexts save asynchronously (SaveChangesAsync) so that every change is audited.");

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        AuditTrail.SaveAsync(this, Module, services, ct => base.SaveChangesAsync(acceptAllChangesOnSuccess, ct), cancellationToken);
}

/// <summary>
/// Writes the audit rows of a context's pending changes in the same transaction as the changes themselves. Values of
/// properties annotated with <see cref="RedactAnnotation"/> (password hashes, token hashes) are never written.
/// </summary>
public static class AuditTrail
{
    /// <summary>The annotation that keeps a property's values out of the audit log.</summary>
    public const string RedactAnnotation = "Nmirf:AuditRedact";

    /// <summary>The annotation of an entity type whose rows are part of another's (tags of a record): never audited on their own.</summary>
    public const string SkipAnnotation = "Nmirf:AuditSkip";

    /// <summary>The annotation of an entity type created in bulk whose creations are audited by the run that created them.</summary>
    public const string SkipCreationsAnnotation = "Nmirf:AuditSkipCreations";

    private static readonly JsonSerializerOptions AuditJson = new()
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    public static async Task<int> SaveAsync(DbContext context, string module, ModuleContextServices services, Func<CancellationToken, Task<int>> save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(save);
        context.ChangeTracker.DetectChanges();
        var audit = CaptureChanges(context, module, services);
        if (audit.Count == 0)
        {
            return await save(cancellationToken);
        }

        var database = context.Database;
        var ownTransaction = database.CurrentTransaction is null
            ? await database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var count = await save(cancellationToken);
            var builder = new DbContextOptionsBuilder<AuditDbContext>();
            services.Provider.Configure(builder, AuditDbContext.ModuleName, database.GetDbConnection());
            await using (var log = new AuditDbContext(builder.Options))
            {
                await log.Database.UseTransactionAsync(database.CurrentTransaction!.GetDbTransaction(), cancellationToken);
                log.Entries.AddRange(audit);
                await log.SaveChangesAsync(cancellationToken);
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return count;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    private static List<AuditEntry> CaptureChanges(DbContext context, string module, ModuleContextServices services)
    {
        var now = services.Clock.GetUtcNow().UtcDateTime;
        var entries = new List<AuditEntry>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Modified => AuditAction.Updated,
                EntityState.Deleted => AuditAction.Deleted,
                _ => (AuditAction?)null,
            };
            if (action is null
                || entry.Metadata.FindAnnotation(SkipAnnotation) is not null
                || (action == AuditAction.Created && entry.Metadata.FindAnnotation(SkipCreationsAnnotation) is not null))
            {
                continue;
            }

            var changed = entry.Properties
                .Where(p => action != AuditAction.Updated || p.IsModified)
                .ToList();
            if (action == AuditAction.Updated && changed.Count == 0)
            {
                continue;
            }

            entries.Add(new AuditEntry
            {
                OccurredAt = now,
                Actor = services.Actor.Actor,
                CountryCode = (entry.Entity as ICountryOwned)?.CountryCode,
                Module = module,
                Action = action.Value,
                Entity = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                Before = action == AuditAction.Created ? null : Serialize(changed, p => p.OriginalValue),
                After = action == AuditAction.Deleted ? null : Serialize(changed, p => p.CurrentValue),
            });
        }

        return entries;
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));

    private static string Serialize(List<PropertyEntry> properties, Func<PropertyEntry, object?> value) =>
        JsonSerializer.Serialize(
            properties.ToDictionary(p => p.Metadata.Name, p => p.Metadata.FindAnnotation(RedactAnnotation) is null ? value(p) : (value(p) is null ? null : "(redacted)")),
            AuditJson);
}
