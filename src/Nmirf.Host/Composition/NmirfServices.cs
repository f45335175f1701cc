using Mediator;
using Nmirf.Accounts;
using Nmirf.BuildingBlocks.Auditing;
using Nmirf.BuildingBlocks.Bodies;
using Nmirf.BuildingBlocks.Persistence;
using Nmirf.BuildingBlocks.Tenancy;
using Nmirf.Host.Demo;
using Nmirf.Host.Plugins;
using Nmirf.Mandates;
using Nmirf.Recommendations;
using Nmirf.Workflows;
using Nmirf.Drafting;
using Nmirf.Reporting;
using Nmirf.Persistence.Sqlite;
using Nmirf.Persistence.SqlServer;

namespace Nmirf.Host.Composition;

/// <summary>The composition root shared by the web API and the CLI verbs.</summary>
internal static class NmirfServices
{
    public const string ConnectionStringName = "Nmirf";

    /// <summary>Reads <c>Database:Provider</c> and <c>ConnectionStrings:Nmirf</c>; a bad provider name is an input error.</summary>
    public static DatabaseOptions ReadDatabaseOptions(IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"];
        var options = new DatabaseOptions();
        if (!string.IsNullOrWhiteSpace(provider))
        {
            if (!Enum.TryParse<DatabaseProviderKind>(provider, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            {
                throw new ConfigurationException($"Database:Provider is '{provider}'; use Sqlite or SqlServer.");
            }

            options.Provider = kind;
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            options.ConnectionString = connectionString;
        }
        else if (options.Provider == DatabaseProviderKind.SqlServer)
        {
            throw new ConfigurationException("ConnectionStrings:Nmirf is required when Database:Provider is SqlServer.");
        }

        return options;
    }

    public static IServiceCollection AddNmirf(this IServiceCollection services, IConfiguration configuration)
    {
        var database = ReadDatabaseOptions(configuration);
        IDatabaseEngine engine = database.Provider switch
        {
            DatabaseProviderKind.SqlServer => new SqlServerDatabaseEngine(database.ConnectionString),
            _ => new SqliteDatabaseEngine(database.ConnectionString),
        };

        services.AddSingleton(database);
        services.AddSingleton(engine);
        services.AddSingleton<IBodyCatalog>(PluginCatalog.Load(
            configuration["Plugins:Path"] ?? Path.Combine(AppContext.BaseDirectory, PluginCatalog.DefaultFolder),
            configuration["Plugins:OverridesFile"],
            services));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        services.AddScoped<ActorContext>();
        services.AddScoped<IActorContext>(sp => sp.GetRequiredService<ActorContext>());
        services.AddScoped<ModuleContextServices>();

        services.AddModuleDbContext<AuditDbContext>(AuditDbContext.ModuleName, order: 0);
        services.AddAccountsModule();
        services.AddMandatesModule();
        services.AddReportingModule();
        services.AddRecommendationsModule(configuration["Storage:Path"] ?? Path.Combine("data", "files"));
        try
        {
            services.AddWorkflowsModule(configuration);
            services.AddDraftingModule(configuration);
        }
        catch (InvalidOperationException exception)
        {
            // A section that does not bind (a value of the wrong type) or holds a value out of range, named by its key.
            throw new ConfigurationException(exception.Message);
        }
        services.AddSingleton<DatabaseMigrator>();
        services.AddScoped<DemoSeeder>();

        services.AddMediator((MediatorOptions options) =>
        {
            options.Assemblies = [typeof(AccountsModule), typeof(MandatesModule), typeof(ReportingModule), typeof(RecommendationsModule), typeof(WorkflowsModule), typeof(DraftingModule)];
            options.ServiceLifetime = ServiceLifetime.Scoped;
        });
        return services;
    }
}

/// <summary>A configuration value the host cannot run with; reported as an input error (exit code 1).</summary>
internal sealed class ConfigurationException(string message) : Exception(message);
