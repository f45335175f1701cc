using Microsoft.Extensions.DependencyInjection;
using Nmirf.BuildingBlocks.Persistence;

namespace Nmirf.Mandates;

/// <summary>Registers the mandate module. Its handlers are found by the mediator generator in the host.</summary>
public static class MandatesModule
{
    public static IServiceCollection AddMandatesModule(this IServiceCollection services) =>
        services.AddModuleDbContext<MandatesDbContext>(MandatesDbContext.ModuleName, order: 10);
}
