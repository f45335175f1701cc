using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nmirf.BuildingBlocks.Persistence;
using Nmirf.Drafting.Reports;
using Nmirf.Drafting.Templates;
using Nmirf.Drafting.Use;

namespace Nmirf.Drafting;

/// <summary>Registers the drafting module: templates, the sandbox, the report model and the draft outputs.</summary>
public static class DraftingModule
{
    public static IServiceCollection AddDraftingModule(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = new DraftingSettings();
        configuration.GetSection("Drafting").Bind(settings);
        services.AddSingleton(settings);
        services.AddSingleton<TemplateFolders>();
        services.AddSingleton<TemplateSandbox>();
        services.AddScoped<TemplateStore>();
        services.AddScoped<ReportModelBuilder>();
        services.AddScoped<DraftHandlers>();
        // A cycle's generate-draft step now makes the draft (the workflow module's default only recorded the request).
        services.Replace(ServiceDescriptor.Scoped<Nmirf.Workflows.Engine.IDraftRequester, WorkflowDrafts>());
        return services.AddModuleDbContext<DraftingDbContext>(DraftingDbContext.ModuleName, order: 60);
    }
}
