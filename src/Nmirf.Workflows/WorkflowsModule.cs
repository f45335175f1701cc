using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nmirf.BuildingBlocks.Persistence;
using Nmirf.Workflows.Definitions;
using Nmirf.Workflows.Engine;
using Nmirf.Workflows.Kernel;
using Nmirf.Workflows.Tasks;
using Nmirf.Workflows.Timers;
using Quartz;
using WorkflowCore.Interface;

namespace Nmirf.Workflows;

/// <summary>Registers the workflow module: definitions, the engine on WorkflowCore, tasks, cycles and timers.</summary>
public static class WorkflowsModule
{
    public static IServiceCollection AddWorkflowsModule(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Workflows").Get<WorkflowSettings>() ?? new WorkflowSettings();
        if (settings.Problems() is [_, ..] problems)
        {
            throw new InvalidOperationException(string.Join("; ", problems) + ".");
        }

        var store = settings.Store;
        var timers = configuration.GetSection("Workflows:Timers").Get<TimerSettings>() ?? new TimerSettings();
        services.AddSingleton(settings);
        services.AddSingleton(timers);

        services.AddWorkflow(options =>
        {
            if (store == KernelStore.Database)
            {
                options.UsePersistence(sp => sp.GetRequiredService<EfPersistenceProvider>());
                options.UseDistributedLockManager(sp => sp.GetRequiredService<DatabaseLockProvider>());
            }

            // No search index is kept (the module's own tables are searched): without this, the kernel read each
            // instance once more after every run, to hand it to an index that does nothing.
            options.EnableIndexes = false;
            // Nothing listens to the kernel's life-cycle events (the audit log is written through the module's audited
            // tables by its own steps); their publisher's queue cost a wake-up per step for nothing.
            options.EnableLifeCycleEventsPublisher = false;
            options.UsePollInterval(settings.PollInterval);
            options.UseErrorRetryInterval(settings.RetryInterval);
            options.UseMaxConcurrentWorkflows(settings.MaxConcurrentWorkflows);
            options.UseIdleTime(settings.IdleTime);
        });
        services.AddPooledDbContextFactory<KernelDbContext>((sp, builder) => sp.GetRequiredService<IDatabaseEngine>().Configure(builder, WorkflowsDbContext.ModuleName));
        services.AddSingleton<EfPersistenceProvider>();
        services.AddSingleton<DatabaseLockProvider>();
        services.AddSingleton<DefinitionRegistry>();
        services.Replace(ServiceDescriptor.Singleton<IWorkflowRegistry>(sp => sp.GetRequiredService<DefinitionRegistry>()));
        services.Replace(ServiceDescriptor.Singleton<IDateTimeProvider, KernelClock>());

        services.AddTransient<HumanTaskBody>();
        services.AddTransient<WaitEventBody>();
        services.AddTransient<DateBody>();
        services.AddTransient<ParallelBody>();
        services.AddTransient<DecisionBody>();
        services.AddTransient<NotifyBody>();
        services.AddTransient<GenerateDraftBody>();
        services.AddTransient<PluginActivityBody>();
        services.AddTransient<FinishBody>();

        services.AddSingleton<WorkflowEngine>();
        services.AddSingleton<IWorkflowEngine>(sp => sp.GetRequiredService<WorkflowEngine>());
        services.AddSingleton<IActivityCatalog, PluginActivities>();
        services.AddScoped<HumanTaskFactory>();
        services.AddScoped<TaskHandlers>();
        services.AddScoped<TaskSweep>();
        services.TryAddScoped<IDraftRequester, RecordedDraftRequests>();

        return services.AddModuleDbContext<WorkflowsDbContext>(WorkflowsDbContext.ModuleName, order: 40);
    }

    /// <summary>The engine and the timers, for the web host (the CLI starts the engine only for the verbs that need it).</summary>
    public static IServiceCollection AddWorkflowRuntime(this IServiceCollection services)
    {
        services.AddHostedService<WorkflowHostedService>();
        services.AddQuartz(q =>
        {
            var sweep = new JobKey("workflows-sweep");
            q.AddJob<SweepJob>(j => j.WithIdentity(sweep));
            q.AddTrigger(t => t.ForJob(sweep).WithIdentity("workflows-sweep-daily").WithCronSchedule(services.BuildTimerSettings().SweepCron));
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }

    private static TimerSettings BuildTimerSettings(this IServiceCollection services) =>
        services.FirstOrDefault(d => d.ServiceType == typeof(TimerSettings))?.ImplementationInstance as TimerSettings ?? new TimerSettings();
}
