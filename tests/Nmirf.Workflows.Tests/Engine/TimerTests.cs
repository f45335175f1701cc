using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nmirf.Tests.Shared;
using Nmirf.Workflows.Cycles;
using Nmirf.Workflows.Engine;
using Nmirf.Workflows.Kernel;
using Nmirf.Workflows.Contracts;
using Nmirf.Workflows.Tasks;
using Nmirf.Workflows.Timers;
using static Nmirf.Workflows.Tests.Engine.Engines;

namespace Nmirf.Workflows.Tests.Engine;

/// <summary>Dates on a fake clock: a cycle started nine months ahead raises its tasks on the right days, across a restart.</summary>
public sealed class TimerTests : IAsyncLifetime
{
    private static readonly DateOnly Due = new(2027, 9, 30);

    private const string Scheduled = """
        {
          "id": "mar-cedaw-schedule", "version": 1, "country": "MAR", "body": "cedaw", "name": "Dated steps",
          "steps": [
            { "id": "open-collection", "type": "deadline", "until": { "relativeTo": "cycle-due-date", "offset": "-P6M" } },
            { "id": "collect", "type": "task", "title": "Contribution", "assignees": { "institution": "justice" },
              "due": { "relativeTo": "step-start", "offset": "P30D" },
              "form": { "fields": [ { "name": "text", "type": "text", "required": true } ] } },
            { "id": "pause", "type": "delay", "duration": "P2M" },
            { "id": "validate", "type": "task", "title": "Validation", "assignees": { "role": "administrator" } }
          ]
        }
        """;

    private TestHost _host = null!;

    // Nine months before the due date.
    public async Task InitializeAsync() => _host = await StartAsync(new DateTimeOffset(2026, 12, 30, 8, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<IReadOnlyList<TaskDto>> OpenAsync(Guid run) =>
        [.. (await _host.SendAsync(new ListTasks("MAR", State: TaskState.Open))).Value.Where(t => t.Run == run)];

    /// <summary>Gives the engine several polls to act on a moved clock; used where nothing must happen.</summary>
    private static Task SettleAsync() => Task.Delay(600);

    [Fact]
    public async Task Cycle_StartedNineMonthsAhead_RaisesItsTasksOnTheRightDays_AcrossARestart()
    {
        await PublishAsync(_host, Scheduled);
        var run = (await _host.SendAsync(new StartCycle("MAR", "cedaw", DueOn: Due))).Value.Id;

        // The day before six months ahead of the due date: nothing yet.
        _host.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 29, 23, 0, 0, TimeSpan.Zero));
        await SettleAsync();
        Assert.Empty(await OpenAsync(run));

        // Restart the process meanwhile: the sleeping step is in the database, not in memory.
        await _host.Services.GetRequiredService<IWorkflowEngine>().StopAsync();
        _host = await _host.RestartAsync();
        await _host.Services.GetRequiredService<IWorkflowEngine>().StartAsync();

        _host.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 30, 0, 0, 1, TimeSpan.Zero));
        var collect = Assert.Single(await OpenTasksAsync(_host, run, "collect", 1));
        Assert.Equal(new DateTimeOffset(2027, 4, 29, 0, 0, 1, TimeSpan.Zero), collect.DueAt);
        Assert.True((await _host.SendAsync(new CompleteTask(collect.Id, Answers(new { text = "done" })))).IsSuccess);

        // Two months' pause, counted from the day the step started (wait until it sleeps: a step that has not run yet
        // would count from wherever the clock is moved next).
        await WaitUntilSleepingAsync(run);
        _host.Clock.SetUtcNow(new DateTimeOffset(2027, 5, 29, 0, 0, 0, TimeSpan.Zero));
        await SettleAsync();
        Assert.Empty(await OpenAsync(run));
        _host.Clock.SetUtcNow(new DateTimeOffset(2027, 5, 30, 0, 0, 2, TimeSpan.Zero));
        Assert.Single(await OpenTasksAsync(_host, run, "validate", 1));
    }

    [Fact]
    public async Task Timer_FallingDueWhileAnotherProcessHoldsTheInstance_RunsOnceItIsReleased()
    {
        await PublishAsync(_host, Scheduled);
        var run = (await _host.SendAsync(new StartCycle("MAR", "cedaw", DueOn: Due))).Value.Id;
        await WaitUntilSleepingAsync(run);

        // Another process holds the instance when its deadline passes: the kernel's worker is refused it.
        string instance;
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            instance = await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Runs.Where(r => r.Id == run).Select(r => r.WorkflowInstanceId).SingleAsync();
        }

        var other = new DatabaseLockProvider(_host.Services.GetRequiredService<IDbContextFactory<KernelDbContext>>(), _host.Services.GetRequiredService<WorkflowSettings>());
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await other.AcquireLock(instance, CancellationToken.None))
        {
            // The engine's own lease on the instance stays held for a moment after it put the step to sleep.
            Assert.True(DateTime.UtcNow < deadline, "the instance's lease was not released");
        }

        _host.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 30, 0, 0, 1, TimeSpan.Zero));
        await Task.Delay(TimeSpan.FromSeconds(2)); // polls every 100 ms; a refused worker waits 1 s for the lease
        Assert.Empty(await OpenAsync(run));

        // Released: the next poll runs it (the kernel would otherwise pass it over for five minutes of its clock).
        await other.ReleaseLock(instance);
        await other.Stop();
        Assert.Single(await OpenTasksAsync(_host, run, "collect", 1));
    }

    [Fact]
    public async Task Sweep_OverdueTask_RemindsDailyAndEscalatesOnce_AndClosesDataRequests()
    {
        await PublishAsync(_host, Scheduled.Replace("\"-P6M\"", "\"-P9M\"", StringComparison.Ordinal));
        var run = (await _host.SendAsync(new StartCycle("MAR", "cedaw", DueOn: Due))).Value.Id;
        var task = Assert.Single(await OpenTasksAsync(_host, run, "collect", 1));

        _host.Clock.Advance(TimeSpan.FromDays(31));
        var first = await SweepAsync();
        var again = await SweepAsync();
        _host.Clock.Advance(TimeSpan.FromDays(7));
        var week = await SweepAsync();

        Assert.Equal((1, 1, 0), (first.MarkedOverdue, first.Reminders, first.Escalations));
        Assert.Equal((0, 0, 0), (again.MarkedOverdue, again.Reminders, again.Escalations));
        Assert.Equal((0, 1, 1), (week.MarkedOverdue, week.Reminders, week.Escalations));
        Assert.True((await _host.SendAsync(new GetTask(task.Id))).Value.Overdue);
    }

    private async Task WaitUntilSleepingAsync(Guid run)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            await using var scope = _host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
            var instance = await db.Runs.Where(r => r.Id == run).Select(r => r.WorkflowInstanceId).SingleAsync();
            if (await db.KernelPointers.AnyAsync(p => p.WorkflowId == instance && p.SleepUntil != null && p.EndTime == null))
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail("the pause step did not start sleeping");
    }

    private async Task<SweepReport> SweepAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BuildingBlocks.Tenancy.ActorContext>().Use("test");
        return await scope.ServiceProvider.GetRequiredService<TaskSweep>().RunAsync();
    }
}
