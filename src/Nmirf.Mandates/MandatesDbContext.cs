using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nmirf.BuildingBlocks.Auditing;
using Nmirf.BuildingBlocks.Tenancy;
using Nmirf.Mandates.Model;

namespace Nmirf.Mandates;

internal sealed class MandatesDbContext(DbContextOptions<MandatesDbContext> options, ModuleContextServices services)
    : AuditedModuleDbContext(options, services)
{
    public const string ModuleName = "mandates";

    public DbSet<Country> Countries => Set<Country>();
    public DbSet<NationalMechanism> Mechanisms => Set<NationalMechanism>();
    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<FocalPoint> FocalPoints => Set<FocalPoint>();
    public DbSet<Ratification> Ratifications => Set<Ratification>();

    protected override string Module => ModuleName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        var country = modelBuilder.Entity<Country>();
        country.HasKey(c => c.Code);
        country.Property(c => c.Code).HasMaxLength(3).IsFixedLength();
        country.Property(c => c.Name).HasMaxLength(200);
        country.PrimitiveCollection(c => c.WorkingLanguages);
        country.HasQueryFilter(c => CurrentCountry == null || c.Code == CurrentCountry);

        var mechanism = modelBuilder.Entity<NationalMechanism>();
        mechanism.ToTable("NationalMechanisms");
        mechanism.HasKey(m => m.CountryCode);
        CountryColumn(mechanism);
        mechanism.Property(m => m.Name).HasMaxLength(300);
        mechanism.Property(m => m.Acronym).HasMaxLength(50);
        mechanism.Property(m => m.Type).HasConversion<string>().HasMaxLength(40);
        mechanism.Property(m => m.LegalBasisKind).HasConversion<string>().HasMaxLength(20);
        mechanism.Property(m => m.LegalBasisReference).HasMaxLength(500);
        mechanism.Property(m => m.LegalBasisUrl).HasMaxLength(2000);
        mechanism.PrimitiveCollection(m => m.Capacities).ElementType().HasConversion<string>();
        mechanism.HasOne<Country>().WithOne().HasForeignKey<NationalMechanism>(m => m.CountryCode).OnDelete(DeleteBehavior.Restrict);
        mechanism.HasQueryFilter(m => CurrentCountry == null || m.CountryCode == CurrentCountry);

        var institution = modelBuilder.Entity<Institution>();
        institution.HasKey(i => i.Id);
        CountryColumn(institution);
        institution.Property(i => i.Code).HasMaxLength(40);
        institution.Property(i => i.Name).HasMaxLength(300);
        institution.Property(i => i.Acronym).HasMaxLength(50);
        institution.Property(i => i.Kind).HasConversion<string>().HasMaxLength(40);
        institution.Property(i => i.Role).HasConversion<string>().HasMaxLength(20);
        institution.HasIndex(i => new { i.CountryCode, i.Code }).IsUnique();
        institution.HasOne<Country>().WithMany().HasForeignKey(i => i.CountryCode).OnDelete(DeleteBehavior.Restrict);
        institution.HasQueryFilter(i => CurrentCountry == null || i.CountryCode == CurrentCountry);

        var focalPoint = modelBuilder.Entity<FocalPoint>();
        focalPoint.HasKey(f => f.Id);
        CountryColumn(focalPoint);
        focalPoint.Property(f => f.Name).HasMaxLength(200);
        focalPoint.Property(f => f.Email).HasMaxLength(254);
        focalPoint.Property(f => f.Phone).HasMaxLength(40);
        focalPoint.PrimitiveCollection(f => f.Languages);
        focalPoint.Property(f => f.Role).HasConversion<string>().HasMaxLength(20);
        focalPoint.HasIndex(f => new { f.CountryCode, f.Email }).IsUnique();
        focalPoint.HasOne(f => f.Institution).WithMany().HasForeignKey(f => f.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        focalPoint.HasOne<Country>().WithMany().HasForeignKey(f => f.CountryCode).OnDelete(DeleteBehavior.Restrict);
        focalPoint.HasQueryFilter(f => CurrentCountry == null || f.CountryCode == CurrentCountry);

        var ratification = modelBuilder.Entity<Ratification>();
        ratification.HasKey(r => r.Id);
        CountryColumn(ratification);
        ratification.Property(r => r.Instrument).HasMaxLength(20);
        ratification.Property(r => r.Action).HasConversion<string>().HasMaxLength(20);
        ratification.Property(r => r.DatePrecision).HasConversion<string>().HasMaxLength(10);
        ratification.Property(r => r.Source).HasMaxLength(1000);
        ratification.HasIndex(r => new { r.CountryCode, r.Instrument }).IsUnique();
        ratification.HasOne<Country>().WithMany().HasForeignKey(r => r.CountryCode).OnDelete(DeleteBehavior.Restrict);
        ratification.HasQueryFilter(r => CurrentCountry == null || r.CountryCode == CurrentCountry);
    }

    private static void CountryColumn<T>(EntityTypeBuilder<T> entity)
        where T : class, ICountryOwned =>
        entity.Property<string>(nameof(ICountryOwned.CountryCode)).HasMaxLength(3).IsFixedLength();
}
