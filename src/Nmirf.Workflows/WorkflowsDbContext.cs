using Microsoft.EntityFrameworkCore;
using Nmirf.BuildingBlocks.Auditing;
using Nmirf.Workflows.Kernel;
using Nmirf.Workflows.Model;

namespace Nmirf.Workflows;

internal sealed class WorkflowsDbContext(DbContextOptions<WorkflowsDbContext> options, ModuleContextServices services)
    : AuditedModuleDbContext(options, services)
{
    public const string ModuleName = "workflows";

    public DbSet<StoredDefinition> Definitions => Set<StoredDefinition>();
    public DbSet<CycleRun> Runs => Set<CycleRun>();
    public DbSet<MilestoneRecord> Milestones => Set<MilestoneRecord>();
    public DbSet<HumanTask> Tasks => Set<HumanTask>();
    public DbSet<TaskComment> Comments => Set<TaskComment>();
    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<KernelWorkflow> KernelWorkflows => Set<KernelWorkflow>();
    public DbSet<KernelPointer> KernelPointers => Set<KernelPointer>();
    public DbSet<KernelSubscription> KernelSubscriptions => Set<KernelSubscription>();
    public DbSet<KernelEvent> KernelEvents => Set<KernelEvent>();
    public DbSet<KernelCommand> KernelCommands => Set<KernelCommand>();
    public DbSet<KernelError> KernelErrors => Set<KernelError>();
    public DbSet<KernelLock> KernelLocks => Set<KernelLock>();

    protected override string Module => ModuleName;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset values; the module's times are UTC, stored there as UTC ticks.
        if (!IsSqlServer)
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
        }
    }

    private sealed class UtcTicksConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        var definition = modelBuilder.Entity<StoredDefinition>();
        definition.ToTable("Definitions");
        definition.HasKey(d => d.Id);
        definition.Property(d => d.Scope).HasMaxLength(3);
        definition.Property(d => d.DefinitionId).HasMaxLength(100);
        definition.Property(d => d.Body).HasMaxLength(40);
        definition.Property(d => d.Name).HasMaxLength(300);
        definition.Property(d => d.State).HasConversion<string>().HasMaxLength(12);
        definition.Property(d => d.ImportedBy).HasMaxLength(256);
        definition.Ignore(d => d.KernelKey);
        definition.HasIndex(d => new { d.Scope, d.DefinitionId, d.Version }).IsUnique();
        definition.HasIndex(d => new { d.Scope, d.Body, d.State });

        var run = modelBuilder.Entity<CycleRun>();
        run.ToTable("Runs");
        run.HasKey(r => r.Id);
        run.Property(r => r.CountryCode).HasMaxLength(3).IsFixedLength();
        run.Property(r => r.Body).HasMaxLength(40);
        run.Property(r => r.Report).HasMaxLength(20);
        run.Property(r => r.DefinitionScope).HasMaxLength(3);
        run.Property(r => r.DefinitionId).HasMaxLength(100);
        run.Property(r => r.WorkflowInstanceId).HasMaxLength(64);
        run.Property(r => r.State).HasConversion<string>().HasMaxLength(12);
        run.Property(r => r.StartedBy).HasMaxLength(256);
        run.HasIndex(r => r.WorkflowInstanceId);
        run.HasIndex(r => new { r.CountryCode, r.Body, r.State });
        run.HasQueryFilter(r => CurrentCountry == null || r.CountryCode == CurrentCountry);

        var milestone = modelBuilder.Entity<MilestoneRecord>();
        milestone.ToTable("Milestones");
        milestone.HasKey(m => m.Id);
        milestone.Property(m => m.CountryCode).HasMaxLength(3).IsFixedLength();
        milestone.Property(m => m.Milestone).HasMaxLength(60);
        milestone.Property(m => m.Symbol).HasMaxLength(80);
        milestone.Property(m => m.RecordedBy).HasMaxLength(256);
        milestone.HasIndex(m => new { m.RunId, m.Milestone });
        milestone.HasQueryFilter(m => CurrentCountry == null || m.CountryCode == CurrentCountry);

        var task = modelBuilder.Entity<HumanTask>();
        task.ToTable("Tasks");
        task.HasKey(t => t.Id);
        task.Property(t => t.CountryCode).HasMaxLength(3).IsFixedLength();
        task.Property(t => t.WorkflowInstanceId).HasMaxLength(64);
        task.Property(t => t.PointerId).HasMaxLength(64);
        task.Property(t => t.StepId).HasMaxLength(100);
        task.Property(t => t.StepType).HasMaxLength(40);
        task.Property(t => t.Join).HasConversion<string>().HasMaxLength(8);
        task.Property(t => t.Title).HasMaxLength(500);
        task.Property(t => t.Instructions).HasMaxLength(8000);
        task.Property(t => t.AssigneeInstitution).HasMaxLength(100);
        task.Property(t => t.AssigneeFocalPoint).HasMaxLength(256);
        task.Property(t => t.AssigneeRole).HasMaxLength(40);
        task.Property(t => t.State).HasConversion<string>().HasMaxLength(12);
        task.Property(t => t.Decision).HasMaxLength(12);
        task.Property(t => t.CompletedBy).HasMaxLength(256);
        task.Property(t => t.AssignmentNote).HasMaxLength(1000);
        task.Property(t => t.Version).IsConcurrencyToken();
        task.Ignore(t => t.Assignee);
        task.HasIndex(t => new { t.PointerId, t.AssigneeInstitution, t.AssigneeFocalPoint, t.AssigneeRole });
        task.HasIndex(t => new { t.CountryCode, t.State, t.AssigneeInstitution });
        task.HasIndex(t => new { t.State, t.DueAt });
        task.HasIndex(t => t.RunId);
        task.HasQueryFilter(t => CurrentCountry == null || t.CountryCode == CurrentCountry);

        var comment = modelBuilder.Entity<TaskComment>();
        comment.ToTable("TaskComments");
        comment.HasKey(c => c.Id);
        comment.Property(c => c.CountryCode).HasMaxLength(3).IsFixedLength();
        comment.Property(c => c.Author).HasMaxLength(256);
        comment.Property(c => c.Text).HasMaxLength(8000);
        comment.HasIndex(c => c.TaskId);
        comment.HasQueryFilter(c => CurrentCountry == null || c.CountryCode == CurrentCountry);

        var notification = modelBuilder.Entity<Notification>();
        notification.ToTable("Notifications");
        notification.HasKey(n => n.Id);
        notification.Property(n => n.CountryCode).HasMaxLength(3).IsFixedLength();
        notification.Property(n => n.Kind).HasConversion<string>().HasMaxLength(16);
        notification.Property(n => n.Recipient).HasMaxLength(300);
        notification.Property(n => n.Message).HasMaxLength(4000);
        notification.Property(n => n.StepKey).HasMaxLength(64);
        notification.HasIndex(n => new { n.TaskId, n.Kind, n.Day });
        notification.HasIndex(n => n.StepKey);
        notification.HasIndex(n => new { n.CountryCode, n.CreatedAt });
        notification.HasQueryFilter(n => CurrentCountry == null || n.CountryCode == CurrentCountry);

        KernelModel.Configure(modelBuilder);
    }
}
