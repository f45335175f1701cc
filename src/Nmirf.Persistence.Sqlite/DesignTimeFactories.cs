using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Nmirf.BuildingBlocks.Auditing;
using Nmirf.BuildingBlocks.Tenancy;
using Nmirf.Mandates;

namespace Nmirf.Persistence.Sqlite;

// The contexts as `dotnet ef migrations add` builds them: same model as at run time, no database needed.
internal static class DesignTime
{
    public static readonly SqliteDatabaseEngine Engine = new("Data Source=design-time.db");

    public static ModuleContextServices Services => new(new TenantContext(), new ActorContext(), TimeProvider.System, Engine);

    public static DbContextOptions<T> Options<T>(string module)
        where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        Engine.Configure(builder, module);
        return builder.Options;
    }
}

internal sealed class AuditDesignTimeFactory : IDesignTimeDbContextFactory<AuditDbContext>
{
    public AuditDbContext CreateDbContext(string[] args) => new(DesignTime.Options<AuditDbContext>(AuditDbContext.ModuleName));
}

internal sealed class MandatesDesignTimeFactory : IDesignTimeDbContextFactory<MandatesDbContext>
{
    public MandatesDbContext CreateDbContext(string[] args) => new(DesignTime.Options<MandatesDbContext>(MandatesDbContext.ModuleName), DesignTime.Services);
}

internal sealed class ReportingDesignTimeFactory : IDesignTimeDbContextFactory<Nmirf.Reporting.ReportingDbContext>
{
    public Nmirf.Reporting.ReportingDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<Nmirf.Reporting.ReportingDbContext>(Nmirf.Reporting.ReportingDbContext.ModuleName), DesignTime.Services);
}

internal sealed class AccountsDesignTimeFactory : IDesignTimeDbContextFactory<Nmirf.Accounts.AccountsDbContext>
{
    public Nmirf.Accounts.AccountsDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<Nmirf.Accounts.AccountsDbContext>(Nmirf.Accounts.AccountsDbContext.ModuleName), DesignTime.Services);
}

internal sealed class RecommendationsDesignTimeFactory : IDesignTimeDbContextFactory<Nmirf.Recommendations.RecommendationsDbContext>
{
    public Nmirf.Recommendations.RecommendationsDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<Nmirf.Recommendations.RecommendationsDbContext>(Nmirf.Recommendations.RecommendationsDbContext.ModuleName), DesignTime.Services);
}

internal sealed class WorkflowsDesignTimeFactory : IDesignTimeDbContextFactory<Nmirf.Workflows.WorkflowsDbContext>
{
    public Nmirf.Workflows.WorkflowsDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<Nmirf.Workflows.WorkflowsDbContext>(Nmirf.Workflows.WorkflowsDbContext.ModuleName), DesignTime.Services);
}

internal sealed class DraftingDesignTimeFactory : IDesignTimeDbContextFactory<Nmirf.Drafting.DraftingDbContext>
{
    public Nmirf.Drafting.DraftingDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<Nmirf.Drafting.DraftingDbContext>(Nmirf.Drafting.DraftingDbContext.ModuleName), DesignTime.Services);
}
