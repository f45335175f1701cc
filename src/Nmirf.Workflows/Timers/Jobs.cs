using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Nmirf.BuildingBlocks.Tenancy;
using Nmirf.Workflows.Engine;
using Quartz;

namespace Nmirf.Workflows.Timers;

/// <summary>The daily sweep as a Quartz job; one run at a time.</summary>
[DisallowConcurrentExecution]
internal sealed class SweepJob(IServiceScopeFactory scopes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Use("system:sweep");
        await scope.ServiceProvider.GetRequiredService<TaskSweep>().RunAsync(cancellationToken);
    }
}

/// <summary>Runs the workflow engine for the life of the web host, and sweeps once at start (to catch up after downtime).</summary>
internal sealed class WorkflowHostedService(IWorkflowEngine engine, IServiceScopeFactory scopes, ILogger<WorkflowHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await engine.StartAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ActorContext>().Use("system:sweep");
            await scope.ServiceProvider.GetRequiredService<TaskSweep>().RunAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The engine runs even if the catch-up sweep fails; the daily sweep tries again.
            logger.LogError(ex, "The start-up sweep failed");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => engine.StopAsync(cancellationToken);
}
