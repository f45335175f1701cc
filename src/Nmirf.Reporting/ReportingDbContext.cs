using Microsoft.EntityFrameworkCore;
using Nmirf.BuildingBlocks.Auditing;
using Nmirf.Reporting.Model;

namespace Nmirf.Reporting;

internal sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options, ModuleContextServices services)
    : AuditedModuleDbContext(options, services)
{
    public const string ModuleName = "reporting";

    public DbSet<ReportingCycle> Cycles => Set<ReportingCycle>();

    protected override string Module => ModuleName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        var cycle = modelBuilder.Entity<ReportingCycle>();
        cycle.ToTable("ReportingCycles");
        cycle.HasKey(c => c.Id);
        cycle.Property(c => c.CountryCode).HasMaxLength(3).IsFixedLength();
        cycle.Property(c => c.Body).HasMaxLength(40);
        cycle.Property(c => c.Instrument).HasMaxLength(20).IsRequired();
        cycle.Property(c => c.Procedure).HasConversion<string>().HasMaxLength(20);
        foreach (var symbol in new[] { nameof(ReportingCycle.Symbol), nameof(ReportingCycle.ListOfIssuesSymbol), nameof(ReportingCycle.RepliesSymbol), nameof(ReportingCycle.ConcludingObservationsSymbol) })
        {
            cycle.Property<string?>(symbol).HasMaxLength(80);
        }

        cycle.Property(c => c.Source).HasMaxLength(1000);
        cycle.Property(c => c.Notes).HasMaxLength(4000);
        cycle.Ignore(c => c.Report);
        cycle.HasIndex(c => new { c.CountryCode, c.Body, c.Instrument, c.ReportFrom }).IsUnique();
        cycle.HasQueryFilter(c => CurrentCountry == null || c.CountryCode == CurrentCountry);
    }
}
