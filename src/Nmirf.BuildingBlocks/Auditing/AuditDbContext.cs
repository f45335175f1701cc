using Microsoft.EntityFrameworkCore;
using Nmirf.BuildingBlocks.Persistence;

namespace Nmirf.BuildingBlocks.Auditing;

/// <summary>The audit log's own context and schema. Module contexts write to it inside their own transaction.</summary>
public sealed class AuditDbContext(DbContextOptions<AuditDbContext> options) : ModuleDbContext(options)
{
    public const string ModuleName = "audit";

    public DbSet<AuditEntry> Entries => Set<AuditEntry>();

    protected override string Module => ModuleName;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        EnsureAppendOnly();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        EnsureAppendOnly();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        var entry = modelBuilder.Entity<AuditEntry>();
        entry.ToTable("AuditLog");
        entry.HasKey(e => e.Id);
        // Stored as UTC; read back as UTC (SQLite keeps no kind).
        entry.Property(e => e.OccurredAt).HasConversion(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        entry.Property(e => e.Actor).HasMaxLength(200);
        entry.Property(e => e.CountryCode).HasMaxLength(3).IsFixedLength();
        entry.Property(e => e.Module).HasMaxLength(50);
        entry.Property(e => e.Action).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.Entity).HasMaxLength(100);
        entry.Property(e => e.EntityId).HasMaxLength(200);
        entry.HasIndex(e => new { e.CountryCode, e.OccurredAt });
    }

    private void EnsureAppendOnly()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit log is append-only: its entries are never changed or deleted.");
        }
    }
}
