using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nmirf.Tests.Shared;
using Nmirf.Workflows.Kernel;
using WorkflowCore.Models;

namespace Nmirf.Workflows.Tests.Engine;

/// <summary>
/// The kernel's persistence on SQLite, call by call as the kernel makes them: what a save writes, the event marked in
/// the save that gives it to its only subscriber, and a save that finds its rows changed.
/// </summary>
public sealed class KernelPersistenceTests : IAsyncLifetime
{
    private static readonly DateTime At = new(2026, 12, 6, 9, 0, 0, DateTimeKind.Utc);

    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.CreateAsync(new DateTimeOffset(At));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private EfPersistenceProvider Store => _host.Services.GetRequiredService<EfPersistenceProvider>();

    private async Task<KernelDbContext> ContextAsync() =>
        await _host.Services.GetRequiredService<IDbContextFactory<KernelDbContext>>().CreateDbContextAsync();

    /// <summary>An instance with one step waiting for ("done", <paramref name="key"/>), and its subscription.</summary>
    private async Task<(string Workflow, string Pointer, string Subscription)> WaitingAsync(string key)
    {
        var pointer = new ExecutionPointer { Id = Guid.NewGuid().ToString(), StepId = 0, Active = false, StartTime = At, EventName = "done", EventKey = key, Status = PointerStatus.WaitingForEvent };
        var instance = new WorkflowInstance
        {
            WorkflowDefinitionId = "test",
            Version = 1,
            Status = WorkflowStatus.Runnable,
            CreateTime = At,
            Data = new Nmirf.Workflows.Engine.CycleData(),
            ExecutionPointers = [pointer],
        };
        var id = await Store.CreateNewWorkflow(instance);
        var subscription = new EventSubscription { WorkflowId = id, StepId = 0, ExecutionPointerId = pointer.Id, EventName = "done", EventKey = key, SubscribeAsOf = At };
        await Store.CreateEventSubscription(subscription);
        return (id, pointer.Id, subscription.Id);
    }

    private Task<string> EventAsync(string key, DateTime at) =>
        Store.CreateEvent(new Event { EventName = "done", EventKey = key, EventData = "answer", EventTime = at });

    /// <summary>What the kernel's event consumer does with one subscriber: the instance read, its step given the event, the instance saved.</summary>
    private async Task GiveEventAsync(string workflow, string pointer, Event evt)
    {
        var instance = await Store.GetWorkflowInstance(workflow);
        var step = instance.ExecutionPointers.FindById(pointer);
        step.EventData = evt.EventData;
        step.EventPublished = true;
        step.Active = true;
        instance.NextExecution = 0;
        await Store.PersistWorkflow(instance);
    }

    [Fact]
    public async Task Save_WritesTheChangedStepTheNewStepAndTheNewSubscription_AndReadsBackTheSame()
    {
        var (workflow, pointer, _) = await WaitingAsync("k-1");
        var instance = await Store.GetWorkflowInstance(workflow);
        instance.ExecutionPointers.FindById(pointer).EndTime = At.AddMinutes(1);
        instance.ExecutionPointers.FindById(pointer).Status = PointerStatus.Complete;
        var next = new ExecutionPointer { Id = Guid.NewGuid().ToString(), StepId = 1, Active = true, StartTime = At.AddMinutes(1), PredecessorId = pointer, Status = PointerStatus.Running, Outcome = "yes" };
        instance.ExecutionPointers.Add(next);
        instance.NextExecution = 42;

        await Store.PersistWorkflow(instance, [new EventSubscription { WorkflowId = workflow, StepId = 1, ExecutionPointerId = next.Id, EventName = "done", EventKey = "k-2", SubscribeAsOf = At }]);

        await using var db = await ContextAsync();
        var stored = await db.KernelWorkflows.AsNoTracking().Include(w => w.Pointers).SingleAsync(w => w.Id == workflow);
        Assert.Equal(42, stored.NextExecution);
        Assert.Equal(2, stored.Pointers.Count);
        var first = stored.Pointers.Single(p => p.Id == pointer);
        Assert.Equal((int)PointerStatus.Complete, first.Status);
        Assert.Equal(At.AddMinutes(1), first.EndTime);
        var second = stored.Pointers.Single(p => p.Id == next.Id);
        Assert.Equal("s:yes", second.Outcome);
        Assert.Equal(pointer, second.PredecessorId);
        Assert.Equal(2, await db.KernelSubscriptions.CountAsync(s => s.WorkflowId == workflow));
        var reread = Nmirf.Workflows.Kernel.KernelValues.ToInstance(stored);
        Assert.Equal("yes", reread.ExecutionPointers.FindById(next.Id).Outcome);
    }

    [Fact]
    public async Task EventWithOneSubscriber_IsMarkedProcessedInTheSaveThatGivesItToTheStep()
    {
        var (workflow, pointer, subscription) = await WaitingAsync("k-3");
        var id = await EventAsync("k-3", At.AddMinutes(1));

        var evt = await Store.GetEvent(id);
        var subscribers = (await Store.GetSubscriptions("done", "k-3", evt.EventTime)).ToList();
        Assert.Single(subscribers);
        await GiveEventAsync(workflow, pointer, evt);

        await using var db = await ContextAsync();
        Assert.True((await db.KernelEvents.AsNoTracking().SingleAsync(e => e.Id == id)).IsProcessed);
        Assert.False(await db.KernelSubscriptions.AnyAsync(s => s.Id == subscription));

        // The kernel's own mark and end of the subscription that follow find nothing left to write.
        await Store.MarkEventProcessed(id);
        await Store.TerminateSubscription(subscription);
        Assert.True((await db.KernelEvents.AsNoTracking().SingleAsync(e => e.Id == id)).IsProcessed);
    }

    [Fact]
    public async Task TwoEventsReadForOneSubscriber_NeitherIsMarkedByTheSave()
    {
        var (workflow, pointer, _) = await WaitingAsync("k-4");
        var firstId = await EventAsync("k-4", At.AddMinutes(1));
        var secondId = await EventAsync("k-4", At.AddMinutes(2));

        // Two event workers at once, each reading its event and the subscriber they share.
        var first = await Store.GetEvent(firstId);
        var second = await Store.GetEvent(secondId);
        Assert.Single(await Store.GetSubscriptions("done", "k-4", first.EventTime));
        Assert.Single(await Store.GetSubscriptions("done", "k-4", second.EventTime));
        await GiveEventAsync(workflow, pointer, first);

        await using var db = await ContextAsync();
        Assert.False((await db.KernelEvents.AsNoTracking().SingleAsync(e => e.Id == firstId)).IsProcessed);
        Assert.False((await db.KernelEvents.AsNoTracking().SingleAsync(e => e.Id == secondId)).IsProcessed);

        // The kernel marks the one it gave, itself.
        await Store.MarkEventProcessed(firstId);
        Assert.True((await db.KernelEvents.AsNoTracking().SingleAsync(e => e.Id == firstId)).IsProcessed);
        Assert.False((await db.KernelEvents.AsNoTracking().SingleAsync(e => e.Id == secondId)).IsProcessed);
    }

    [Fact]
    public async Task QueuedEvent_IsReadOnceFromMemory_ThenFromTheDatabase()
    {
        var id = await EventAsync("k-7", At.AddMinutes(1));
        await using (var db = await ContextAsync())
        {
            var row = await db.KernelEvents.AsNoTracking().SingleAsync(e => e.Id == id);
            Store.Queued(row);
            await db.KernelEvents.Where(e => e.Id == id).ExecuteUpdateAsync(u => u.SetProperty(e => e.IsProcessed, true));
        }

        // The first read is the row as this process stored it; the next one sees the database (processed since).
        Assert.False((await Store.GetEvent(id)).IsProcessed);
        Assert.True((await Store.GetEvent(id)).IsProcessed);
    }

    [Fact]
    public async Task EventWithTwoSubscribers_IsLeftForTheKernelToMark()
    {
        var (workflow, pointer, _) = await WaitingAsync("k-5");
        await WaitingAsync("k-5");
        var id = await EventAsync("k-5", At.AddMinutes(1));

        var evt = await Store.GetEvent(id);
        Assert.Equal(2, (await Store.GetSubscriptions("done", "k-5", evt.EventTime)).Count());
        await GiveEventAsync(workflow, pointer, evt);

        await using var db = await ContextAsync();
        Assert.False((await db.KernelEvents.AsNoTracking().SingleAsync(e => e.Id == id)).IsProcessed);
    }

    [Fact]
    public async Task Save_WhoseRowsChangedMeanwhile_WritesNothing_AndTheNextSaveReadsTheDatabase()
    {
        var (workflow, pointer, _) = await WaitingAsync("k-6");
        var instance = await Store.GetWorkflowInstance(workflow);
        await using (var db = await ContextAsync())
        {
            await db.Set<KernelPointer>().Where(p => p.Id == pointer).ExecuteDeleteAsync();
        }

        instance.NextExecution = 7;
        instance.ExecutionPointers.FindById(pointer).Status = PointerStatus.Complete;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => Store.PersistWorkflow(instance));

        await using (var db = await ContextAsync())
        {
            Assert.Null((await db.KernelWorkflows.AsNoTracking().SingleAsync(w => w.Id == workflow)).NextExecution);
        }

        // Read again, the instance has no step left to change, and saves.
        var again = await Store.GetWorkflowInstance(workflow);
        Assert.Empty(again.ExecutionPointers);
        again.NextExecution = 8;
        await Store.PersistWorkflow(again);
        await using (var db = await ContextAsync())
        {
            Assert.Equal(8, (await db.KernelWorkflows.AsNoTracking().SingleAsync(w => w.Id == workflow)).NextExecution);
        }
    }

    [Fact]
    public async Task RunnableEvents_AreThoseAStepWaitsFor()
    {
        await WaitingAsync("taken");
        var waitedFor = await EventAsync("taken", At.AddMinutes(1));
        var tooEarly = await EventAsync("taken", At.AddMinutes(-1));
        var noStep = await EventAsync("nobody", At.AddMinutes(1));
        var later = await EventAsync("taken", At.AddMinutes(10));

        Assert.Equal([waitedFor], await Store.GetRunnableEvents(At.AddMinutes(5)));
        Assert.Equal([waitedFor, later], await Store.GetRunnableEvents(At.AddMinutes(10)));

        // A step that starts waiting takes the events recorded before it began, from the time its subscription names.
        await WaitingAsync("nobody");
        Assert.Contains(noStep, await Store.GetRunnableEvents(At.AddMinutes(5)));
        Assert.DoesNotContain(tooEarly, await Store.GetRunnableEvents(At.AddMinutes(5)));
    }

    [Fact]
    public async Task KeptStatementReads_GiveWhatEfCoreReads_ColumnForColumn()
    {
        // Every column, null and not, through both ways of reading: the rows as EF Core reads them and as the kept
        // statements do must be the same, value for value (dates included: their kind and their ticks).
        var (workflow, pointer, subscription) = await WaitingAsync("k-8");
        var instance = await Store.GetWorkflowInstance(workflow);
        var waiting = instance.ExecutionPointers.FindById(pointer);
        waiting.EventData = "answer";
        waiting.EndTime = At.AddMinutes(3).AddTicks(1234567);
        waiting.SleepUntil = At.AddDays(2);
        waiting.PersistenceData = new Nmirf.Workflows.Engine.StepState();
        waiting.Children = ["a", "b"];
        waiting.Scope = new List<string> { "x" };
        waiting.RetryCount = 2;
        instance.ExecutionPointers.Add(new ExecutionPointer { Id = Guid.NewGuid().ToString(), StepId = 1, Active = true, StartTime = At.AddMinutes(3), PredecessorId = pointer, Status = PointerStatus.Running, Outcome = "yes", StepName = "next" });
        instance.NextExecution = 99;
        instance.Description = "described";
        instance.Reference = "ref";
        instance.CompleteTime = At.AddHours(1);
        await Store.PersistWorkflow(instance);
        var eventId = await EventAsync("k-8", At.AddMinutes(1));
        await using (var db = await ContextAsync())
        {
            await db.KernelSubscriptions.Where(s => s.Id == subscription).ExecuteUpdateAsync(u => u
                .SetProperty(s => s.ExternalToken, "token").SetProperty(s => s.ExternalWorkerId, "worker").SetProperty(s => s.ExternalTokenExpiry, At.AddMinutes(5)));
        }

        await using var ef = await ContextAsync();
        var reads = KernelReads.For(_host.Services.GetRequiredService<IDbContextFactory<KernelDbContext>>(), ef)!;
        await using var _ = reads;
        var byEf = await ef.KernelWorkflows.AsNoTracking().Include(w => w.Pointers).SingleAsync(w => w.Id == workflow);
        var kept = (await reads.InstanceAsync(workflow, CancellationToken.None))!;

        Assert.Equal(Describe(byEf), Describe(kept));
        Assert.Equal(Describe(byEf.Pointers.OrderBy(p => p.Id)), Describe(kept.Pointers.OrderBy(p => p.Id)));
        Assert.Equal(2, kept.Pointers.Count);
        Assert.Null(await reads.InstanceAsync("none", CancellationToken.None));
        Assert.Single(await reads.SubscriptionsAsync("done", "k-8", At, CancellationToken.None));
        Assert.Equal(
            Describe(await ef.KernelSubscriptions.AsNoTracking().Where(s => s.EventName == "done" && s.EventKey == "k-8").ToListAsync()),
            Describe(await reads.SubscriptionsAsync("done", "k-8", At, CancellationToken.None)));
        Assert.Empty(await reads.SubscriptionsAsync("done", "k-8", At.AddTicks(-1), CancellationToken.None));
        Assert.Equal(Describe(await ef.KernelEvents.AsNoTracking().SingleAsync(e => e.Id == eventId)), Describe((await reads.EventAsync(eventId, CancellationToken.None))!));
        Assert.Equal([eventId], await reads.EventIdsAsync("done", "k-8", At.AddMinutes(1), CancellationToken.None));
        Assert.Empty(await reads.EventIdsAsync("done", "k-8", At.AddMinutes(1).AddTicks(1), CancellationToken.None));
        Assert.Equal([subscription], await reads.PointerSubscriptionsAsync([pointer, "none"], CancellationToken.None));
    }

    /// <summary>Every property of the rows, with dates as kind and ticks.</summary>
    private static string Describe(object rows) => System.Text.Json.JsonSerializer.Serialize(
        rows is System.Collections.IEnumerable list and not string ? list.Cast<object>().Select(Properties).ToList() : [Properties(rows)]);

    private static Dictionary<string, string?> Properties(object row) => row.GetType().GetProperties()
        .Where(p => p.Name != nameof(KernelWorkflow.Pointers))
        .ToDictionary(p => p.Name, p => p.GetValue(row) switch
        {
            DateTime d => $"{d.Kind} {d.Ticks}",
            var v => v?.ToString(),
        });
}
