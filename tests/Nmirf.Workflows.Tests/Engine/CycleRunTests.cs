using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Nmirf.BuildingBlocks.Auditing;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Tests.Shared;
using Nmirf.Workflows.Cycles;
using Nmirf.Workflows.Diagrams;
using Nmirf.Workflows.Contracts;
using Nmirf.Workflows.Model;
using Nmirf.Workflows.Tasks;
using static Nmirf.Workflows.Tests.Engine.Engines;

namespace Nmirf.Workflows.Tests.Engine;

/// <summary>Cycles run end to end on the real engine and the real SQLite database.</summary>
public sealed class CycleRunTests : IAsyncLifetime
{
    private const string MoroccoCat = """
        {
          "id": "mar-cat-validation", "version": 1, "country": "MAR", "body": "cat",
          "name": "Morocco: report to CAT with inter-ministerial validation",
          "steps": [
            { "id": "collect", "type": "data-request", "title": "Contributions", "assignees": { "institutions": ["justice", "interieur"] },
              "due": { "relativeTo": "step-start", "offset": "P30D" },
              "form": { "fields": [ { "name": "contribution", "type": "text", "required": true } ] } },
            { "id": "validate", "type": "approval", "title": "Inter-ministerial validation", "assignees": { "role": "administrator" }, "onReturn": "collect" },
            { "id": "await-co", "type": "wait-event", "event": "concluding-observations-adopted" },
            { "id": "follow-up", "type": "task", "title": "Follow-up plan", "assignees": { "institution": "justice" },
              "form": { "fields": [ { "name": "plan", "type": "text", "required": true } ] } }
          ]
        }
        """;

    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await StartAsync(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<Guid> StartMoroccoCatAsync()
    {
        await PublishAsync(_host, MoroccoCat);
        var started = await _host.SendAsync(new StartCycle("MAR", "cat", DueOn: new DateOnly(2027, 6, 30)));
        Assert.True(started.IsSuccess, string.Join("; ", started.Errors));
        Assert.Equal("mar-cat-validation", started.Value.Definition);
        return started.Value.Id;
    }

    [Fact]
    public async Task Cycle_RunsDataRequestApprovalReturnMilestoneAndFollowUp_ToCompletion()
    {
        var run = await StartMoroccoCatAsync();

        var collect = await OpenTasksAsync(_host, run, "collect", 2);
        Assert.Equal(["interieur", "justice"], collect.Select(t => t.Institution).Order());
        Assert.All(collect, t => Assert.Equal(new DateTimeOffset(2026, 12, 31, 9, 0, 0, TimeSpan.Zero), t.DueAt));
        foreach (var task in collect)
        {
            Assert.True((await _host.SendAsync(new CompleteTask(task.Id, Answers(new { contribution = "Data for " + task.Institution })))).IsSuccess);
        }

        var validate = Assert.Single(await OpenTasksAsync(_host, run, "validate", 1));
        Assert.Equal("administrator", validate.Role);
        var returned = await _host.SendAsync(new CompleteTask(validate.Id, Answers(new { decision = "return", comments = "Add 2025 figures" })));
        Assert.True(returned.IsSuccess, string.Join("; ", returned.Errors));

        // Returned: the data request runs again, with new tasks.
        var again = await OpenTasksAsync(_host, run, "collect", 2);
        Assert.DoesNotContain(again, t => collect.Any(c => c.Id == t.Id));
        foreach (var task in again)
        {
            Assert.True((await _host.SendAsync(new CompleteTask(task.Id, Answers(new { contribution = "Updated" })))).IsSuccess);
        }

        var second = Assert.Single(await OpenTasksAsync(_host, run, "validate", 1));
        Assert.True((await _host.SendAsync(new CompleteTask(second.Id, Answers(new { decision = "approve" })))).IsSuccess);
        var waiting = await WaitForRunAsync(_host, run, r => r.Steps.Single(s => s.Id == "await-co").Progress == StepProgress.Current);
        Assert.Equal(StepProgress.Done, waiting.Steps.Single(s => s.Id == "validate").Progress);
        Assert.Equal(StepProgress.Pending, waiting.Steps.Single(s => s.Id == "follow-up").Progress);

        var recorded = await _host.SendAsync(new RecordMilestone(run, "concluding-observations-adopted", new DateOnly(2027, 11, 20), "CAT/C/MAR/CO/5"));
        Assert.True(recorded.IsSuccess, string.Join("; ", recorded.Errors));
        var plan = Assert.Single(await OpenTasksAsync(_host, run, "follow-up", 1));
        Assert.True((await _host.SendAsync(new CompleteTask(plan.Id, Answers(new { plan = "Plan adopted" })))).IsSuccess);

        var done = await WaitForRunAsync(_host, run, r => r.State == RunState.Completed);
        Assert.All(done.Steps, s => Assert.Equal(StepProgress.Done, s.Progress));
        Assert.Equal("CAT/C/MAR/CO/5", Assert.Single(done.Milestones).Symbol);

        // Every task, milestone and the run's life are in the audit log.
        await using var scope = _host.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        var entries = await audit.Entries.Where(e => e.Module == "workflows").ToListAsync();
        Assert.Contains(entries, e => e.Entity == nameof(CycleRun) && e.Action == AuditAction.Updated);
        Assert.Contains(entries, e => e.Entity == nameof(MilestoneRecord));
        Assert.True(entries.Count(e => e.Entity == nameof(HumanTask) && e.Action == AuditAction.Created) >= 7);

        // Every step's subscription ended when its event arrived (a step's tasks done, twice for the data request and the
        // approval, once for the follow-up, and the milestone): none is left, and every event is processed.
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        var instance = await db.Runs.Where(r => r.Id == run).Select(r => r.WorkflowInstanceId).SingleAsync();
        Assert.Empty(await db.KernelSubscriptions.Where(s => s.WorkflowId == instance).ToListAsync());
        var events = await db.KernelEvents.ToListAsync();
        Assert.Equal(6, events.Count);
        Assert.All(events, e => Assert.True(e.IsProcessed));
    }

    [Fact]
    public async Task Milestone_RecordedBeforeItsStepIsReached_IsTakenByTheStepWhenReached()
    {
        var run = await StartMoroccoCatAsync();
        var collect = await OpenTasksAsync(_host, run, "collect", 2);

        // The committee adopted its observations while the report was still being drafted (as happens when a report is late).
        var recorded = await _host.SendAsync(new RecordMilestone(run, "concluding-observations-adopted", new DateOnly(2026, 12, 1)));
        Assert.True(recorded.IsSuccess, string.Join("; ", recorded.Errors));
        foreach (var task in collect)
        {
            Assert.True((await _host.SendAsync(new CompleteTask(task.Id, Answers(new { contribution = "Data" })))).IsSuccess);
        }

        var validate = Assert.Single(await OpenTasksAsync(_host, run, "validate", 1));
        Assert.True((await _host.SendAsync(new CompleteTask(validate.Id, Answers(new { decision = "approve" })))).IsSuccess);

        Assert.Single(await OpenTasksAsync(_host, run, "follow-up", 1));
        var shown = (await _host.SendAsync(new GetCycleRun(run))).Value;
        Assert.Equal(StepProgress.Done, shown.Steps.Single(s => s.Id == "await-co").Progress);
    }

    [Fact]
    public async Task CompleteTask_TwoUsersAtOnce_OneWinsTheOtherGetsAConflict()
    {
        var run = await StartMoroccoCatAsync();
        var task = (await OpenTasksAsync(_host, run, "collect", 2))[0];

        var results = await Task.WhenAll(
            _host.SendAsync(new CompleteTask(task.Id, Answers(new { contribution = "First" }), ExpectedVersion: task.Version)),
            _host.SendAsync(new CompleteTask(task.Id, Answers(new { contribution = "Second" }), ExpectedVersion: task.Version)));

        Assert.Single(results, r => r.IsSuccess);
        var loser = Assert.Single(results, r => !r.IsSuccess);
        Assert.Equal(ErrorKind.Conflict, loser.ErrorKind);
        var stored = (await _host.SendAsync(new GetTask(task.Id))).Value;
        Assert.Equal(TaskState.Completed, stored.State);
        Assert.Equal(results.Single(r => r.IsSuccess).Value.Answers!.Value.GetRawText(), stored.Answers!.Value.GetRawText());
    }

    [Fact]
    public async Task CompleteTask_WithBadAnswers_IsRefusedAndChangesNothing()
    {
        var run = await StartMoroccoCatAsync();
        var task = (await OpenTasksAsync(_host, run, "collect", 2))[0];

        var missing = await _host.SendAsync(new CompleteTask(task.Id, Answers(new { })));
        var unknown = await _host.SendAsync(new CompleteTask(task.Id, Answers(new { contribution = "x", extra = 1 })));
        var wrongType = await _host.SendAsync(new CompleteTask(task.Id, Answers(new { contribution = 5 })));

        Assert.Equal("answers.contribution", Assert.Single(missing.Errors).Field);
        Assert.Contains(unknown.Errors, e => e.Field == "answers.extra" && e.Message.Contains("unknown field", StringComparison.Ordinal));
        Assert.Contains(wrongType.Errors, e => e.Field == "answers.contribution" && e.Message == "must be text");
        Assert.Equal(TaskState.Open, (await _host.SendAsync(new GetTask(task.Id))).Value.State);
    }

    [Fact]
    public async Task Tasks_OfAnInstitution_AreNotVisibleToAnother()
    {
        var run = await StartMoroccoCatAsync();
        var tasks = await OpenTasksAsync(_host, run, "collect", 2);
        var justice = tasks.Single(t => t.Institution == "justice");

        var asInterior = await _host.SendAsync(new GetTask(justice.Id, "MAR", RestrictedTo: "interieur"));
        var listed = (await _host.SendAsync(new ListTasks("MAR", RestrictedTo: "interieur"))).Value;

        Assert.Equal(ErrorKind.NotFound, asInterior.ErrorKind);
        Assert.All(listed, t => Assert.Equal("interieur", t.Institution));
        Assert.False((await _host.SendAsync(new CompleteTask(justice.Id, Answers(new { contribution = "x" }), RestrictedTo: "interieur"))).IsSuccess);
    }

    [Fact]
    public async Task Decision_OnAnAnswer_TakesItsCase_NotifiesOnce_AndKeepsTheDraft()
    {
        await PublishAsync(_host, """
            {
              "id": "mar-ced-decide", "version": 1, "country": "MAR", "body": "ced", "name": "Decision",
              "steps": [
                { "id": "ask", "type": "task", "title": "Is a consultation needed?", "assignees": { "institution": "justice" },
                  "form": { "fields": [ { "name": "needed", "type": "boolean", "required": true }, { "name": "count", "type": "number", "required": false } ] } },
                { "id": "route", "type": "decision", "cases": [ { "when": "ask.needed == true and ask.count >= 2", "next": "consult" } ], "otherwise": "draft" },
                { "id": "consult", "type": "notify", "assignees": { "institutionRole": "member" }, "message": "A consultation is being organised." },
                { "id": "draft", "type": "generate-draft", "document": "periodic-report" },
                { "id": "done", "type": "task", "title": "Check", "assignees": { "role": "drafter" } }
              ]
            }
            """);
        var run = (await _host.SendAsync(new StartCycle("MAR", "ced", DueOn: new DateOnly(2027, 3, 31)))).Value.Id;
        var ask = Assert.Single(await OpenTasksAsync(_host, run, "ask", 1));

        Assert.True((await _host.SendAsync(new CompleteTask(ask.Id, Answers(new { needed = true, count = 3 })))).IsSuccess);
        Assert.Single(await OpenTasksAsync(_host, run, "done", 1));

        var shown = (await _host.SendAsync(new GetCycleRun(run))).Value;
        Assert.Equal(StepProgress.Done, shown.Steps.Single(s => s.Id == "consult").Progress);
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        var sent = await db.Notifications.Where(n => n.RunId == run).ToListAsync();
        Assert.Equal(5, sent.Count(n => n.Kind == NotificationKind.Notify));

        // With the drafting module installed, the draft request makes the draft itself and keeps it with the run.
        var drafts = (await _host.SendAsync(new Nmirf.Drafting.Use.ListDrafts("MAR"))).Value;
        var draft = Assert.Single(drafts, d => d.Run == run);
        Assert.True(draft.Error is null, draft.Error);
        Assert.EndsWith(".docx", draft.FileName, StringComparison.Ordinal);
        Assert.Equal("fr", draft.Language);

        // The draft carries what the cycle's tasks collected: the answers of "ask", in its contributions annex.
        var file = (await _host.SendAsync(new Nmirf.Drafting.Use.GetDraftFile("MAR", draft.Id))).Value;
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(file.Content));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = await reader.ReadToEndAsync();
        Assert.Contains("Is a consultation needed?", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CycleShow_OfARunningCycleWithAFailingStep_SaysItsLastError()
    {
        var run = await StartMoroccoCatAsync();
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
            var instance = await db.Runs.Where(r => r.Id == run).Select(r => r.WorkflowInstanceId).SingleAsync();
            db.KernelErrors.Add(new Kernel.KernelError { WorkflowId = instance, ExecutionPointerId = "p", ErrorTime = DateTime.UtcNow, Message = "the mandate could not be read" });
            await db.SaveChangesAsync();
        }

        var shown = (await _host.SendAsync(new GetCycleRun(run))).Value;

        Assert.Equal("the mandate could not be read", shown.LastError);
    }

    [Fact]
    public async Task CompleteTask_ByWhoeverIsNotItsAssignee_IsForbidden()
    {
        var run = await StartMoroccoCatAsync();
        var justice = (await OpenTasksAsync(_host, run, "collect", 2)).Single(t => t.Institution == "justice");

        var drafter = await _host.SendAsync(new CompleteTask(justice.Id, Answers(new { contribution = "x" }), Acting: new ActingAs(["drafter"], null)));
        var otherMinistry = await _host.SendAsync(new CompleteTask(justice.Id, Answers(new { contribution = "x" }), Acting: new ActingAs(["focal-point"], "interieur")));
        var focalPoint = await _host.SendAsync(new CompleteTask(justice.Id, Answers(new { contribution = "x" }), Acting: new ActingAs(["focal-point"], "justice")));

        Assert.Equal(ErrorKind.Forbidden, drafter.ErrorKind);
        Assert.Equal(ErrorKind.Forbidden, otherMinistry.ErrorKind);
        Assert.True(focalPoint.IsSuccess);
    }

    [Fact]
    public async Task StartCycle_Twice_IsRefusedWhileTheFirstRuns()
    {
        await StartMoroccoCatAsync();

        var second = await _host.SendAsync(new StartCycle("MAR", "cat", DueOn: new DateOnly(2027, 6, 30)));

        Assert.Equal(ErrorKind.Conflict, second.ErrorKind);
    }

    [Fact]
    public async Task StartCycle_WithThePluginDefault_StoresItsVersionAndRaisesItsFirstSteps()
    {
        var started = await _host.SendAsync(new StartCycle("MAR", "crpd", DueOn: new DateOnly(2027, 9, 30)));

        Assert.True(started.IsSuccess, string.Join("; ", started.Errors));
        Assert.Null(started.Value.DefinitionCountry);
        var run = await WaitForRunAsync(_host, started.Value.Id, r => r.Steps[0].Progress == StepProgress.Current);
        Assert.Equal("wait-event", run.Steps[0].Type);
        var diagram = (await _host.SendAsync(new GetRunDiagram(started.Value.Id))).Value;
        Assert.Contains("class s_await_list_of_issues current", diagram, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordMilestone_Unknown_IsRefused()
    {
        var run = await StartMoroccoCatAsync();

        var result = await _host.SendAsync(new RecordMilestone(run, "dialogue-cancelled"));

        Assert.Equal("milestone", Assert.Single(result.Errors).Field);
    }
}
