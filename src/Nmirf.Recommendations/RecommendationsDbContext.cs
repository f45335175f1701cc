using Microsoft.EntityFrameworkCore;
using Nmirf.BuildingBlocks.Auditing;
using Nmirf.Recommendations.Model;

namespace Nmirf.Recommendations;

internal sealed class RecommendationsDbContext(DbContextOptions<RecommendationsDbContext> options, ModuleContextServices services)
    : AuditedModuleDbContext(options, services)
{
    public const string ModuleName = "recommendations";

    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<RecommendationTag> Tags => Set<RecommendationTag>();
    public DbSet<StatusChange> StatusChanges => Set<StatusChange>();
    public DbSet<ProgressUpdate> ProgressUpdates => Set<ProgressUpdate>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<Cluster> Clusters => Set<Cluster>();
    public DbSet<ClusterMember> ClusterMembers => Set<ClusterMember>();

    /// <summary>True on SQLite, where full-text search uses the FTS5 table the migrations create.</summary>
    public bool HasFullTextTable => !IsSqlServer;

    /// <summary>
    /// True on SQLite, where the migrations keep each country's unfiltered counts (recommendations by status, body and
    /// lead institution; SDG goal tags by goal) in tables of their own, by triggers (<see cref="Use.KeptCounts"/>).
    /// </summary>
    public bool HasKeptCounts => !IsSqlServer;

    protected override string Module => ModuleName;

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        var recommendation = modelBuilder.Entity<Recommendation>();
        recommendation.HasKey(r => r.Id);
        recommendation.Property(r => r.CountryCode).HasMaxLength(3).IsFixedLength();
        recommendation.Property(r => r.Key).HasMaxLength(300);
        recommendation.Property(r => r.AnnotationId).HasMaxLength(100);
        recommendation.Property(r => r.Body).HasMaxLength(40);
        recommendation.Property(r => r.Symbol).HasMaxLength(80);
        recommendation.Property(r => r.Paragraph).HasMaxLength(40);
        recommendation.Property(r => r.Type).HasConversion<string>().HasMaxLength(20);
        recommendation.Property(r => r.Response).HasConversion<string>().HasMaxLength(20);
        recommendation.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
        recommendation.Property(r => r.SourceOfPosition).HasMaxLength(300);
        recommendation.Property(r => r.Section).HasMaxLength(300);
        recommendation.Property(r => r.LeadInstitution).HasMaxLength(40);
        recommendation.HasIndex(r => new { r.CountryCode, r.Key }).IsUnique();
        // The list's order, with the id that ends it: a page's ids are read from this index alone, however deep.
        recommendation.HasIndex(r => new { r.CountryCode, r.Body, r.Symbol, r.Paragraph, r.Id });
        // The summary's grouping by status, body and lead institution read from this index alone; its prefix serves the
        // status filter.
        recommendation.HasIndex(r => new { r.CountryCode, r.Status, r.Body, r.LeadInstitution });
        // Unassigned records left out: right after an import most are unassigned, and a NULL-heavy index would make
        // the planner scan the country's rows to find one institution's few ([..] quoting reads on both providers).
        recommendation.HasIndex(r => new { r.CountryCode, r.LeadInstitution }).HasFilter("[LeadInstitution] IS NOT NULL");
        // The list's order after the UPR filters, so that a page of one cycle's responses is read in order.
        recommendation.HasIndex(r => new { r.CountryCode, r.UprCycle, r.Response, r.Body, r.Symbol, r.Paragraph });
        if (!IsSqlServer)
        {
            // Ids found elsewhere (full-text matches, tags) are tested for country and sorted from this compact index,
            // without reading the recommendations' rows, which hold their texts. (On SQL Server the primary key is
            // the clustered index, which holds the rows themselves.)
            recommendation.HasIndex(r => new { r.Id, r.CountryCode, r.Body, r.Symbol, r.Paragraph });
        }
        recommendation.HasMany(r => r.Tags).WithOne().HasForeignKey(t => t.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        recommendation.HasQueryFilter(r => CurrentCountry == null || r.CountryCode == CurrentCountry);
        // Records created by an import are audited through their import run, not one row each.
        recommendation.Metadata.SetAnnotation(AuditTrail.SkipCreationsAnnotation, true);

        var tag = modelBuilder.Entity<RecommendationTag>();
        tag.HasKey(t => new { t.RecommendationId, t.Kind, t.Value });
        tag.Property(t => t.Kind).HasConversion<string>().HasMaxLength(30);
        tag.Property(t => t.Value).HasMaxLength(300);
        tag.Property(t => t.CountryCode).HasMaxLength(3).IsFixedLength();
        tag.HasIndex(t => new { t.Kind, t.Value, t.RecommendationId });
        tag.HasIndex(t => new { t.CountryCode, t.Kind, t.Value });
        tag.HasQueryFilter(t => CurrentCountry == null || t.CountryCode == CurrentCountry);
        tag.Metadata.SetAnnotation(AuditTrail.SkipAnnotation, true);

        var status = modelBuilder.Entity<StatusChange>();
        status.HasKey(s => s.Id);
        status.Property(s => s.CountryCode).HasMaxLength(3).IsFixedLength();
        status.Property(s => s.From).HasConversion<string>().HasMaxLength(30);
        status.Property(s => s.To).HasConversion<string>().HasMaxLength(30);
        status.Property(s => s.Institution).HasMaxLength(40);
        status.Property(s => s.Reason).HasMaxLength(2000);
        status.Property(s => s.RecordedBy).HasMaxLength(200);
        status.HasOne<Recommendation>().WithMany().HasForeignKey(s => s.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        status.HasIndex(s => s.RecommendationId);
        status.HasQueryFilter(s => CurrentCountry == null || s.CountryCode == CurrentCountry);

        var progress = modelBuilder.Entity<ProgressUpdate>();
        progress.HasKey(p => p.Id);
        progress.Property(p => p.CountryCode).HasMaxLength(3).IsFixedLength();
        progress.Property(p => p.Institution).HasMaxLength(40);
        progress.Property(p => p.Narrative).HasMaxLength(20000);
        progress.Property(p => p.RecordedBy).HasMaxLength(200);
        progress.PrimitiveCollection(p => p.Links);
        progress.HasOne<Recommendation>().WithMany().HasForeignKey(p => p.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        progress.HasMany(p => p.Evidence).WithOne().HasForeignKey(e => e.ProgressUpdateId).OnDelete(DeleteBehavior.Cascade);
        progress.HasIndex(p => p.RecommendationId);
        progress.HasQueryFilter(p => CurrentCountry == null || p.CountryCode == CurrentCountry);

        var evidence = modelBuilder.Entity<EvidenceFile>();
        evidence.HasKey(e => e.Id);
        evidence.Property(e => e.CountryCode).HasMaxLength(3).IsFixedLength();
        evidence.Property(e => e.Label).HasMaxLength(200);
        evidence.Property(e => e.StoredName).HasMaxLength(60);
        evidence.Property(e => e.ContentType).HasMaxLength(100);
        evidence.HasQueryFilter(e => CurrentCountry == null || e.CountryCode == CurrentCountry);

        var cluster = modelBuilder.Entity<Cluster>();
        cluster.HasKey(c => c.Id);
        cluster.Property(c => c.CountryCode).HasMaxLength(3).IsFixedLength();
        cluster.Property(c => c.Code).HasMaxLength(40);
        cluster.Property(c => c.Name).HasMaxLength(300);
        cluster.Property(c => c.Description).HasMaxLength(2000);
        cluster.HasIndex(c => new { c.CountryCode, c.Code }).IsUnique();
        cluster.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.ClusterId).OnDelete(DeleteBehavior.Cascade);
        cluster.HasQueryFilter(c => CurrentCountry == null || c.CountryCode == CurrentCountry);

        var member = modelBuilder.Entity<ClusterMember>();
        member.HasKey(m => new { m.ClusterId, m.RecommendationId });
        member.HasIndex(m => m.RecommendationId);
        member.HasOne<Recommendation>().WithMany().HasForeignKey(m => m.RecommendationId).OnDelete(DeleteBehavior.Cascade);

        var run = modelBuilder.Entity<ImportRun>();
        run.HasKey(r => r.Id);
        run.Property(r => r.CountryCode).HasMaxLength(3).IsFixedLength();
        run.Property(r => r.FileName).HasMaxLength(260);
        run.Property(r => r.Format).HasConversion<string>().HasMaxLength(40);
        run.Property(r => r.RecordedBy).HasMaxLength(200);
        run.HasQueryFilter(r => CurrentCountry == null || r.CountryCode == CurrentCountry);
    }
}
