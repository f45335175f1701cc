using Microsoft.EntityFrameworkCore;
using Nmirf.BuildingBlocks.Auditing;
using Nmirf.Drafting.Storage;

namespace Nmirf.Drafting;

internal sealed class DraftingDbContext(DbContextOptions<DraftingDbContext> options, ModuleContextServices services)
    : AuditedModuleDbContext(options, services)
{
    public const string ModuleName = "drafting";

    public DbSet<StoredTemplate> Templates => Set<StoredTemplate>();
    public DbSet<StoredDraft> Drafts => Set<StoredDraft>();

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

        var draft = modelBuilder.Entity<StoredDraft>();
        draft.ToTable("Drafts");
        draft.HasKey(d => d.Id);
        draft.Property(d => d.CountryCode).HasMaxLength(3).IsFixedLength();
        draft.Property(d => d.Body).HasMaxLength(40);
        draft.Property(d => d.Document).HasMaxLength(60);
        draft.Property(d => d.Language).HasMaxLength(8);
        draft.Property(d => d.RequestKey).HasMaxLength(200);
        draft.Property(d => d.FileName).HasMaxLength(200);
        draft.Property(d => d.ContentType).HasMaxLength(120);
        draft.Property(d => d.Title).HasMaxLength(500);
        draft.Property(d => d.Symbol).HasMaxLength(80);
        draft.Property(d => d.Error).HasMaxLength(4000);
        draft.Property(d => d.CreatedBy).HasMaxLength(256);
        draft.Property(d => d.CreatedAt).HasConversion(v => v.UtcDateTime, v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));
        draft.HasIndex(d => new { d.CountryCode, d.CreatedAt });
        draft.HasIndex(d => d.RequestKey);
        draft.HasQueryFilter(d => CurrentCountry == null || d.CountryCode == CurrentCountry);
    }
}
