using Microsoft.Extensions.DependencyInjection;
using Nmirf.BuildingBlocks.Persistence;
using Nmirf.Recommendations.Use;

namespace Nmirf.Recommendations;

/// <summary>Registers the recommendations module; evidence files go under the storage path given.</summary>
public static class RecommendationsModule
{
    public static IServiceCollection AddRecommendationsModule(this IServiceCollection services, string storagePath)
    {
        services.AddSingleton(new RecommendationStorage(storagePath));
        return services.AddModuleDbContext<RecommendationsDbContext>(RecommendationsDbContext.ModuleName, order: 30);
    }
}
