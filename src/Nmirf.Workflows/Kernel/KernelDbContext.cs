using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Nmirf.BuildingBlocks.Auditing;
using Nmirf.BuildingBlocks.Persistence;

namespace Nmirf.Workflows.Kernel;

/// <summary>
/// The kernel's tables, and nothing else, for the kernel's own reads and writes: a step of a workflow is several
/// short statements (lease, read, save, release), and a context of this kind, drawn from a pool with options built
/// once, costs a fraction of the module's audited context made afresh in a scope of its own for each. The kernel's
/// rows are not audited (the module records what they mean: runs, tasks, milestones); the module's context maps
/// the same tables and owns their migrations.
/// </summary>
internal sealed class KernelDbContext(DbContextOptions<KernelDbContext> options) : ModuleDbContext(options)
{
    public DbSet<KernelWorkflow> KernelWorkflows => Set<KernelWorkflow>();
    public DbSet<KernelPointer> KernelPointers => Set<KernelPointer>();
    public DbSet<KernelSubscription> KernelSubscriptions => Set<KernelSubscription>();
    public DbSet<KernelEvent> KernelEvents => Set<KernelEvent>();
    public DbSet<KernelCommand> KernelCommands => Set<KernelCommand>();
    public DbSet<KernelError> KernelErrors => Set<KernelError>();
    public DbSet<KernelLock> KernelLocks => Set<KernelLock>();

    protected override string Module => WorkflowsDbContext.ModuleName;

    protected override void ConfigureModel(ModelBuilder modelBuilder) => KernelModel.Configure(modelBuilder);
}

/// <summary>The mapping of the kernel's tables, shared by the module's context (which migrates them) and the kernel's.</summary>
internal static class KernelModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        // The kernel's rows change at every step; the audit log records what they mean (runs, tasks, milestones)
        // through the module's own entities instead.
        var workflow = modelBuilder.Entity<KernelWorkflow>();
        workflow.ToTable("KernelWorkflows");
        workflow.HasKey(w => w.Id);
        workflow.Property(w => w.Id).HasMaxLength(64);
        workflow.Property(w => w.DefinitionId).HasMaxLength(110);
        workflow.Property(w => w.Description).HasMaxLength(500);
        workflow.Property(w => w.Reference).HasMaxLength(200);
        workflow.HasIndex(w => new { w.Status, w.NextExecution });
        workflow.HasMany(w => w.Pointers).WithOne().HasForeignKey(p => p.WorkflowId).OnDelete(DeleteBehavior.Cascade);
        workflow.Metadata.SetAnnotation(AuditTrail.SkipAnnotation, true);

        var pointer = modelBuilder.Entity<KernelPointer>();
        pointer.ToTable("KernelPointers");
        pointer.HasKey(p => p.Id);
        pointer.Property(p => p.Id).HasMaxLength(64);
        pointer.Property(p => p.WorkflowId).HasMaxLength(64);
        pointer.Property(p => p.EventName).HasMaxLength(100);
        pointer.Property(p => p.EventKey).HasMaxLength(200);
        pointer.Property(p => p.StepName).HasMaxLength(100);
        pointer.Property(p => p.PredecessorId).HasMaxLength(64);
        pointer.Property(p => p.Outcome).HasMaxLength(100);
        pointer.Metadata.SetAnnotation(AuditTrail.SkipAnnotation, true);

        var subscription = modelBuilder.Entity<KernelSubscription>();
        subscription.ToTable("KernelSubscriptions");
        subscription.HasKey(s => s.Id);
        subscription.Property(s => s.Id).HasMaxLength(64);
        subscription.Property(s => s.WorkflowId).HasMaxLength(64);
        subscription.Property(s => s.ExecutionPointerId).HasMaxLength(64);
        subscription.Property(s => s.EventName).HasMaxLength(100);
        subscription.Property(s => s.EventKey).HasMaxLength(200);
        subscription.Property(s => s.ExternalToken).HasMaxLength(200);
        subscription.Property(s => s.ExternalWorkerId).HasMaxLength(200);
        subscription.HasIndex(s => new { s.EventName, s.EventKey });
        subscription.Metadata.SetAnnotation(AuditTrail.SkipAnnotation, true);

        var evt = modelBuilder.Entity<KernelEvent>();
        evt.ToTable("KernelEvents");
        evt.HasKey(e => e.Id);
        evt.Property(e => e.Id).HasMaxLength(64);
        evt.Property(e => e.EventName).HasMaxLength(100);
        evt.Property(e => e.EventKey).HasMaxLength(200);
        evt.HasIndex(e => new { e.EventName, e.EventKey, e.EventTime });
        evt.HasIndex(e => new { e.IsProcessed, e.EventTime });
        evt.Metadata.SetAnnotation(AuditTrail.SkipAnnotation, true);

        var command = modelBuilder.Entity<KernelCommand>();
        command.ToTable("KernelCommands");
        command.HasKey(c => c.Id);
        command.Property(c => c.CommandName).HasMaxLength(40);
        command.Property(c => c.Data).HasMaxLength(200);
        command.HasIndex(c => new { c.CommandName, c.Data }).IsUnique();
        command.HasIndex(c => c.ExecuteTime);
        command.Metadata.SetAnnotation(AuditTrail.SkipAnnotation, true);

        var error = modelBuilder.Entity<KernelError>();
        error.ToTable("KernelErrors");
        error.HasKey(e => e.Id);
        error.Property(e => e.WorkflowId).HasMaxLength(64);
        error.Property(e => e.ExecutionPointerId).HasMaxLength(64);
        error.Property(e => e.Message).HasMaxLength(4000);
        error.HasIndex(e => e.WorkflowId);
        error.Metadata.SetAnnotation(AuditTrail.SkipAnnotation, true);

        var lease = modelBuilder.Entity<KernelLock>();
        lease.ToTable("KernelLocks");
        lease.HasKey(l => l.Id);
        lease.Property(l => l.Id).HasMaxLength(100);
        lease.Property(l => l.Owner).HasMaxLength(100);
        lease.Metadata.SetAnnotation(AuditTrail.SkipAnnotation, true);
    }
}

/// <summary>
/// A kernel table's name and its columns' names as the database spells them (the module's prefix on SQLite, the
/// schema on SQL Server), from the model, delimited, for the kernel's plain statements.
/// </summary>
internal sealed class KernelTable
{
    private readonly IEntityType _entity;
    private readonly StoreObjectIdentifier _table;
    private readonly ISqlGenerationHelper _sql;

    private KernelTable(IEntityType entity, ISqlGenerationHelper sql)
    {
        _entity = entity;
        _table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        _sql = sql;
        Name = sql.DelimitIdentifier(_table.Name, _table.Schema);
    }

    public string Name { get; }

    public static KernelTable Of<T>(KernelDbContext db) => new(
        db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the kernel's model."),
        db.GetService<ISqlGenerationHelper>());

    /// <summary>The column of <paramref name="property"/>.</summary>
    public string Column(string property) =>
        _sql.DelimitIdentifier((_entity.FindProperty(property) ?? throw new InvalidOperationException($"{_entity.ClrType.Name}.{property} is not mapped.")).GetColumnName(_table)!);
}
