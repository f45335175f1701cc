using Microsoft.EntityFrameworkCore;
using Nmirf.BuildingBlocks.Auditing;
using Nmirf.Drafting.Storage;

namespace Nmirf.Drafting;

internal sealed class DraftingDbContext(DbContextOptions<DraftingDbContext> options, ModuleContextServices services)
    : AuditedModuleDbContext(options, services)
{
    public const string ModuleName = "drafting";

    public DbSet<StoredTemplate> Templates => Set<StoredTemplate>();

    protected override string Module => ModuleName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        var template = modelBuilder.Entity<StoredTemplate>();
        template.ToTable("Templates");
        template.HasKey(t => t.Id);
        template.Property(t => t.CountryCode).HasMaxLength(3).IsFixedLength();
        template.Property(t => t.Name).HasMaxLength(200);
        template.Property(t => t.SavedBy).HasMaxLength(256);
        template.Property(t => t.SavedAt).HasConversion(v => v.UtcDateTime, v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));
        template.HasIndex(t => new { t.CountryCode, t.Name }).IsUnique();
        template.HasQueryFilter(t => CurrentCountry == null || t.CountryCode == CurrentCountry);
    }
}
