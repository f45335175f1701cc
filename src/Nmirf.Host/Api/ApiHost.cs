using Microsoft.AspNetCore.Http.Json;
using Nmirf.BuildingBlocks.Bodies;
using Nmirf.Host.Composition;
using Nmirf.Host.Plugins;
using Nmirf.Host.Security;
using Nmirf.Workflows;

namespace Nmirf.Host.Api;

/// <summary>Builds the web API: JSON conventions, problem details, OpenAPI, and every module's endpoints.</summary>
internal static class ApiHost
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static WebApplication Build(HostSettings settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(settings.ConfigurationOverrides);
        builder.WebHost.UseUrls(settings.Urls ?? DefaultUrls);

        builder.Services.AddNmirf(builder.Configuration);
        builder.Services.Configure<JsonOptions>(options => JsonInput.Configure(options.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.AddNmirfSecurity();
        if (builder.Configuration.GetValue("Workflows:RunEngine", defaultValue: true))
        {
            // The web host runs the workflows: steps that follow a completed task or a milestone, timers and the daily sweep.
            builder.Services.AddWorkflowRuntime();
        }

        var app = builder.Build();
        PluginCatalog.LogProblems(app.Services.GetRequiredService<IBodyCatalog>(), app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Nmirf.Plugins"));
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseNmirfSecurity();

        app.MapOpenApi().AllowAnonymous();
        app.MapHealthEndpoint();
        var country = app.MapMandateEndpoints();
        app.MapReportingEndpoints(country);
        app.MapAccountEndpoints(country);
        country.MapRecommendationEndpoints();
        country.MapClusterEndpoints();
        country.MapWorkflowEndpoints();
        country.MapDraftingEndpoints();
        app.MapPluginEndpoints();
        return app;
    }
}
