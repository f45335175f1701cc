using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nmirf.Tests.Shared;
using Nmirf.Workflows.Engine;
using Nmirf.Workflows.Kernel;
using WorkflowCore.Models;

namespace Nmirf.Workflows.Tests.Engine;

/// <summary>Waiting for the engine to settle, as the CLI does after each verb that moves a workflow.</summary>
public sealed class SettleTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);

    private TestHost _host = null!;
    private string _path = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.CreateAsync(Now);
        await using var db = await Contexts.CreateDbContextAsync();
        _path = db.Database.GetDbConnection().DataSource;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private IDbContextFactory<KernelDbContext> Contexts => _host.Services.GetRequiredService<IDbContextFactory<KernelDbContext>>();

    private IWorkflowEngine Engine => _host.Services.GetRequiredService<IWorkflowEngine>();

    /// <summary>A workflow whose step waits for an event, and the event, not yet given to it.</summary>
    private async Task StoreWaitingWorkflowAndEventAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        db.KernelWorkflows.Add(new KernelWorkflow { Id = "wf-1", DefinitionId = "MAR/settle", Version = 1, Status = (int)WorkflowStatus.Runnable, NextExecution = null, CreateTime = Now.UtcDateTime });
        db.KernelSubscriptions.Add(new KernelSubscription { Id = "sub-1", WorkflowId = "wf-1", ExecutionPointerId = "p-1", EventName = "nmirf.tasks-done", EventKey = "p-1", SubscribeAsOf = DateTime.MinValue });
        db.KernelEvents.Add(new KernelEvent { Id = "evt-1", EventName = "nmirf.tasks-done", EventKey = "p-1", EventTime = Now.UtcDateTime.AddMinutes(-1), IsProcessed = false });
        await db.SaveChangesAsync();
    }

    /// <summary>What the kernel writes when it gives the event to its step: the event done, the workflow due, in one transaction.</summary>
    private void GiveTheEventToItsStep()
    {
        using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE workflows_KernelEvents SET IsProcessed = 1; DELETE FROM workflows_KernelSubscriptions; UPDATE workflows_KernelWorkflows SET NextExecution = 0;";
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    [Fact]
    public async Task Settling_IsNotTakenForDone_WhenAnEventIsGivenToItsStepDuringTheCheck()
    {
        await StoreWaitingWorkflowAndEventAsync();

        // The kernel commits the hand-over right after the check's first statement has read the database.
        using var handOver = CommandHook.AfterFirst(_path, "KernelWorkflows", GiveTheEventToItsStep);
        var settled = await Engine.WaitForIdleAsync(null, TimeSpan.FromMilliseconds(300));

        Assert.True(handOver.Happened);
        Assert.False(settled);
    }

    [Fact]
    public async Task Settling_IsDone_OnceNoWorkflowIsDueAndNoEventWaits()
    {
        await StoreWaitingWorkflowAndEventAsync();
        Assert.False(await Engine.WaitForIdleAsync(null, TimeSpan.FromMilliseconds(100)));

        await using (var db = await Contexts.CreateDbContextAsync())
        {
            await db.KernelEvents.ExecuteUpdateAsync(u => u.SetProperty(e => e.IsProcessed, true));
        }

        Assert.True(await Engine.WaitForIdleAsync(null, TimeSpan.FromSeconds(5)));

        await using (var db = await Contexts.CreateDbContextAsync())
        {
            await db.KernelWorkflows.ExecuteUpdateAsync(u => u.SetProperty(w => w.NextExecution, 0L));
        }

        Assert.False(await Engine.WaitForIdleAsync(null, TimeSpan.FromMilliseconds(100)));
        Assert.True(await Engine.WaitForIdleAsync(["wf-other"], TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Settling_IsDone_WithAnEventNoStepWaitsForYet_AndNotOnceAStepWaitsForIt()
    {
        // A milestone recorded before the workflow reaches the step that waits for it.
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            db.KernelEvents.Add(new KernelEvent { Id = "evt-2", EventName = "nmirf.milestone", EventKey = "run/dialogue-held", EventTime = Now.UtcDateTime.AddDays(-1), IsProcessed = false });
            await db.SaveChangesAsync();
        }

        Assert.True(await Engine.WaitForIdleAsync(null, TimeSpan.FromSeconds(5)));

        // A subscription as of after the event does not take it; one as of before it does.
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            db.KernelSubscriptions.Add(new KernelSubscription { Id = "sub-2", WorkflowId = "wf-2", EventName = "nmirf.milestone", EventKey = "run/dialogue-held", SubscribeAsOf = Now.UtcDateTime });
            db.KernelSubscriptions.Add(new KernelSubscription { Id = "sub-3", WorkflowId = "wf-3", EventName = "nmirf.milestone", EventKey = "run/dialogue-scheduled", SubscribeAsOf = DateTime.MinValue });
            await db.SaveChangesAsync();
        }

        Assert.True(await Engine.WaitForIdleAsync(null, TimeSpan.FromSeconds(5)));

        await using (var db = await Contexts.CreateDbContextAsync())
        {
            await db.KernelSubscriptions.Where(s => s.Id == "sub-2").ExecuteUpdateAsync(u => u.SetProperty(s => s.SubscribeAsOf, DateTime.MinValue));
        }

        Assert.False(await Engine.WaitForIdleAsync(null, TimeSpan.FromMilliseconds(100)));
    }
}
