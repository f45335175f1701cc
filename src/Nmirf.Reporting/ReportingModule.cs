using Microsoft.Extensions.DependencyInjection;
using Nmirf.BuildingBlocks.Bodies;
using Nmirf.BuildingBlocks.Persistence;
using Nmirf.Reporting.Symbols;

namespace Nmirf.Reporting;

/// <summary>Registers the reporting module: document symbols, reporting cycles and the calendar.</summary>
public static class ReportingModule
{
    public static IServiceCollection AddReportingModule(this IServiceCollection services)
    {
        services.AddSingleton(sp => new DocumentSymbols(sp.GetRequiredService<IBodyCatalog>()));
        return services.AddModuleDbContext<ReportingDbContext>(ReportingDbContext.ModuleName, order: 20);
    }
}
