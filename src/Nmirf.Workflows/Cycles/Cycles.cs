using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nmirf.BuildingBlocks.Bodies;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.BuildingBlocks.Tenancy;
using Nmirf.Mandates.Countries;
using Nmirf.Plugins.Abstractions;
using Nmirf.Reporting.Calendar;
using Nmirf.Workflows.Definitions;
using Nmirf.Workflows.Diagrams;
using Nmirf.Workflows.Engine;
using Nmirf.Workflows.Contracts;
using Nmirf.Workflows.Model;
using WorkflowCore.Models;

namespace Nmirf.Workflows.Cycles;

/// <summary>A step of a run with where it stands.</summary>
public sealed record RunStep(string Id, string Type, string? Title, StepProgress Progress);

public sealed record MilestoneDto(string Milestone, DateOnly Date, string? Symbol, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>A cycle's workflow run as shown.</summary>
public sealed record CycleRunDto(
    Guid Id,
    string Country,
    string Body,
    string? Report,
    DateOnly? DueOn,
    Guid? ReportingCycle,
    string Definition,
    int Version,
    string? DefinitionCountry,
    RunState State,
    DateTimeOffset StartedAt,
    string StartedBy,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<RunStep> Steps,
    int OpenTasks,
    IReadOnlyList<MilestoneDto> Milestones,
    string? LastError = null);

/// <summary>Starts the country's workflow for a body, bound to the report the calendar says is owed (or report <paramref name="Report"/>).</summary>
public sealed record StartCycle(string Country, string Body, string? Report = null, DateOnly? DueOn = null) : ICommand<Result<CycleRunDto>>;

/// <summary>Records a UN milestone for a run and resumes the steps waiting for it.</summary>
public sealed record RecordMilestone(Guid Run, string Milestone, DateOnly? Date = null, string? Symbol = null, string? Country = null) : ICommand<Result<CycleRunDto>>;

public sealed record GetCycleRun(Guid Run, string? Country = null) : IQuery<Result<CycleRunDto>>;

public sealed record ListCycleRuns(string? Country = null, string? Body = null, RunState? State = null) : IQuery<Result<IReadOnlyList<CycleRunDto>>>;

/// <summary>The Mermaid diagram of a run, its steps marked done, current or pending.</summary>
public sealed record GetRunDiagram(Guid Run, string? Country = null) : IQuery<Result<string>>;

internal sealed class CycleHandlers(
    WorkflowsDbContext db,
    WorkflowEngine engine,
    DefinitionRegistry registry,
    IBodyCatalog bodies,
    IActivityCatalog activities,
    ISender sender,
    IActorContext actor,
    TimeProvider clock,
    ILogger<CycleHandlers> logger) :
    ICommandHandler<StartCycle, Result<CycleRunDto>>,
    ICommandHandler<RecordMilestone, Result<CycleRunDto>>,
    IQueryHandler<GetCycleRun, Result<CycleRunDto>>,
    IQueryHandler<ListCycleRuns, Result<IReadOnlyList<CycleRunDto>>>,
    IQueryHandler<GetRunDiagram, Result<string>>
{
    private static readonly DocumentKind[] ReportKinds = [DocumentKind.PeriodicReport, DocumentKind.InitialReport, DocumentKind.UprNationalReport, DocumentKind.RepliesToListOfIssues];

    public async ValueTask<Result<CycleRunDto>> Handle(StartCycle command, CancellationToken cancellationToken)
    {
        if (bodies.Find(command.Body) is null)
        {
            return Error.NotFound("body", $"'{command.Body}' is not a body any loaded plugin knows");
        }

        var country = await sender.Send(new GetCountry(command.Country), cancellationToken);
        if (!country.IsSuccess)
        {
            return Result<CycleRunDto>.Failure(country.Errors);
        }

        var (report, dueOn, reportingCycle, problem) = await ObligationAsync(command, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (await db.Runs.AnyAsync(r => r.CountryCode == command.Country && r.Body == command.Body && r.Report == report && r.State == RunState.Running, cancellationToken))
        {
            return Error.Conflict("report", $"a workflow for {command.Country}'s report {report} to {command.Body} is already running: see nmirf cycle list --country {command.Country}");
        }

        var definition = await ChooseDefinitionAsync(command.Country, command.Body, cancellationToken);
        if (definition is null)
        {
            return Error.NotFound("body", $"neither {command.Country} nor the {command.Body} plugin has a published workflow for {command.Body}");
        }

        var now = clock.GetUtcNow();
        var run = new CycleRun
        {
            CountryCode = command.Country,
            Body = command.Body,
            Report = report,
            DueOn = dueOn,
            ReportingCycleId = reportingCycle,
            DefinitionScope = definition.Scope,
            DefinitionId = definition.DefinitionId,
            DefinitionVersion = definition.Version,
            State = RunState.Running,
            StartedAt = now,
            StartedBy = actor.Actor,
        };
        var data = new CycleData { RunId = run.Id, Country = run.CountryCode, Body = run.Body, DueOn = dueOn };
        if (dueOn is { } due)
        {
            data.Inputs["dueDate"] = JsonSerializer.SerializeToElement(due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        var compiled = registry.GetDefinition(definition.KernelKey, definition.Version);
        var (instanceId, afterCommit) = engine.StageStart(db, compiled, data, now.UtcDateTime);
        run.WorkflowInstanceId = instanceId;
        db.Runs.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        await afterCommit();
        logger.LogInformation("Cycle {Run} started: {Country} {Body} report {Report} due {Due}, workflow {Definition} v{Version}", run.Id, run.CountryCode, run.Body, report, dueOn, definition.DefinitionId, definition.Version);
        return await ToDtoAsync(run, cancellationToken);
    }

    private async Task<(string? Report, DateOnly? DueOn, Guid? Cycle, Error? Problem)> ObligationAsync(StartCycle command, CancellationToken cancellationToken)
    {
        var calendar = await sender.Send(new GetCalendar(command.Country), cancellationToken);
        var owed = calendar.IsSuccess
            ? calendar.Value.Obligations.Where(o => o.Body == command.Body && ReportKinds.Contains(o.Document)).OrderBy(o => o.DueOn).ToList()
            : [];
        var obligation = command.Report is null ? owed.FirstOrDefault() : owed.FirstOrDefault(o => o.Report == command.Report);
        if (obligation is not null)
        {
            return (obligation.Report, command.DueOn ?? obligation.DueOn, obligation.Cycle, null);
        }

        if (command.DueOn is { } due)
        {
            return (command.Report, due, null, null);
        }

        return (null, null, null, new Error(command.Report is null ? "body" : "report", command.Report is null
            ? $"{command.Country}'s calendar owes no report to {command.Body} (record the ratification, or give the due date with --due)"
            : $"{command.Country}'s calendar has no report {command.Report} owed to {command.Body} (give the due date with --due)"));
    }

    /// <summary>The country's latest published workflow for the body, else the plugin's default (stored on first use so its version is kept).</summary>
    private async Task<StoredDefinition?> ChooseDefinitionAsync(string country, string body, CancellationToken cancellationToken)
    {
        var own = await db.Definitions.AsNoTracking()
            .Where(d => d.Scope == country && d.Body == body && d.State == DefinitionState.Published)
            .OrderByDescending(d => d.PublishedAt).ThenByDescending(d => d.Version)
            .FirstOrDefaultAsync(cancellationToken);
        if (own is not null)
        {
            return own;
        }

        var workflows = bodies.Find(body)!.Workflows;
        var template = workflows.Count > 0 ? workflows[0] : null;
        if (template is null)
        {
            return null;
        }

        var (document, errors) = DefinitionReader.Read(template.Json, id => bodies.Find(id) is not null, activities);
        if (document is null)
        {
            logger.LogError("The {Body} plugin's workflow {Id} does not read: {Errors}", body, template.Id, string.Join("; ", errors));
            return null;
        }

        var stored = await db.Definitions.AsNoTracking()
            .FirstOrDefaultAsync(d => d.Scope == StoredDefinition.PluginScope && d.DefinitionId == document.Id && d.Version == document.Version, cancellationToken);
        if (stored is not null)
        {
            return stored;
        }

        stored = new StoredDefinition
        {
            Scope = StoredDefinition.PluginScope,
            DefinitionId = document.Id,
            Version = document.Version,
            Body = body,
            Name = document.Name,
            Json = template.Json,
            State = DefinitionState.Published,
            ImportedAt = clock.GetUtcNow(),
            ImportedBy = "plugin " + body,
            PublishedAt = clock.GetUtcNow(),
        };
        db.Definitions.Add(stored);
        await db.SaveChangesAsync(cancellationToken);
        return stored;
    }

    public async ValueTask<Result<CycleRunDto>> Handle(RecordMilestone command, CancellationToken cancellationToken)
    {
        if (!Milestones.All.Contains(command.Milestone))
        {
            return new Error("milestone", $"unknown milestone '{command.Milestone}': expected one of {string.Join(", ", Milestones.All)}");
        }

        var run = await db.Runs.FirstOrDefaultAsync(r => r.Id == command.Run && (command.Country == null || r.CountryCode == command.Country), cancellationToken);
        if (run is null)
        {
            return Error.NotFound("run", $"no cycle {command.Run}");
        }

        if (command.Symbol is { Length: > 80 })
        {
            return new Error("symbol", "a document symbol is at most 80 characters");
        }

        var now = clock.GetUtcNow();
        var date = command.Date ?? DateOnly.FromDateTime(now.UtcDateTime);
        db.Milestones.Add(new MilestoneRecord
        {
            CountryCode = run.CountryCode,
            RunId = run.Id,
            Milestone = command.Milestone,
            Date = date,
            Symbol = command.Symbol?.Trim(),
            RecordedAt = now,
            RecordedBy = actor.Actor,
        });
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
        {
            ["date"] = JsonSerializer.SerializeToElement(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ["symbol"] = JsonSerializer.SerializeToElement(command.Symbol?.Trim()),
        };
        var afterCommit = engine.StageEvent(db, StepEvents.Milestone, StepEvents.MilestoneKey(run.Id, command.Milestone), new TaskOutcome(null, values).ToPayload(), now.UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        await afterCommit();
        logger.LogInformation("Milestone {Milestone} recorded for cycle {Run} ({Date})", command.Milestone, run.Id, date);
        return await ToDtoAsync(run, cancellationToken);
    }

    public async ValueTask<Result<CycleRunDto>> Handle(GetCycleRun query, CancellationToken cancellationToken)
    {
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.Run && (query.Country == null || r.CountryCode == query.Country), cancellationToken);
        return run is null ? Error.NotFound("run", $"no cycle {query.Run}") : await ToDtoAsync(run, cancellationToken);
    }

    public async ValueTask<Result<IReadOnlyList<CycleRunDto>>> Handle(ListCycleRuns query, CancellationToken cancellationToken)
    {
        var runs = await db.Runs.AsNoTracking()
            .Where(r => (query.Country == null || r.CountryCode == query.Country) && (query.Body == null || r.Body == query.Body) && (query.State == null || r.State == query.State))
            .OrderByDescending(r => r.StartedAt)
            .Take(500)
            .ToListAsync(cancellationToken);
        var list = new List<CycleRunDto>();
        foreach (var run in runs)
        {
            list.Add(await ToDtoAsync(run, cancellationToken));
        }

        return list;
    }

    public async ValueTask<Result<string>> Handle(GetRunDiagram query, CancellationToken cancellationToken)
    {
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.Run && (query.Country == null || r.CountryCode == query.Country), cancellationToken);
        if (run is null)
        {
            return Error.NotFound("run", $"no cycle {query.Run}");
        }

        var (document, progress) = await ProgressAsync(run, cancellationToken);
        return MermaidDiagram.Render(document, progress);
    }

    private async Task<(WorkflowDocument Document, Dictionary<string, StepProgress> Progress)> ProgressAsync(CycleRun run, CancellationToken cancellationToken)
    {
        var stored = await db.Definitions.AsNoTracking().SingleAsync(d => d.Scope == run.DefinitionScope && d.DefinitionId == run.DefinitionId && d.Version == run.DefinitionVersion, cancellationToken);
        var (document, _) = DefinitionReader.Read(stored.Json, _ => true, activities);
        var steps = document!.AllSteps.ToList();
        var pointers = await db.KernelPointers.AsNoTracking().Where(p => p.WorkflowId == run.WorkflowInstanceId).Select(p => new { p.StepId, p.Status }).ToListAsync(cancellationToken);
        var progress = new Dictionary<string, StepProgress>(StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            var mine = pointers.Where(p => p.StepId == i).Select(p => (PointerStatus)p.Status).ToList();
            progress[steps[i].Id] = mine.Any(s => s is not (PointerStatus.Complete or PointerStatus.Cancelled or PointerStatus.Compensated))
                ? StepProgress.Current
                : mine.Count > 0 ? StepProgress.Done : StepProgress.Pending;
        }

        return (document, progress);
    }

    private async Task<CycleRunDto> ToDtoAsync(CycleRun run, CancellationToken cancellationToken)
    {
        var (document, progress) = await ProgressAsync(run, cancellationToken);
        var open = await db.Tasks.CountAsync(t => t.RunId == run.Id && t.State == TaskState.Open, cancellationToken);
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.RunId == run.Id).OrderBy(m => m.RecordedAt).ToListAsync(cancellationToken);

        // A step that fails is tried again every Workflows:RetryInterval; its last error says why the cycle does not move.
        var lastError = run.State == RunState.Running
            ? await db.KernelErrors.AsNoTracking().Where(e => e.WorkflowId == run.WorkflowInstanceId).OrderByDescending(e => e.Id).Select(e => e.Message).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new CycleRunDto(
            run.Id,
            run.CountryCode,
            run.Body,
            run.Report,
            run.DueOn,
            run.ReportingCycleId,
            run.DefinitionId,
            run.DefinitionVersion,
            run.DefinitionScope == StoredDefinition.PluginScope ? null : run.DefinitionScope,
            run.State,
            run.StartedAt,
            run.StartedBy,
            run.CompletedAt,
            [.. document.AllSteps.Select(s => new RunStep(s.Id, s.Type, s.Title, progress[s.Id]))],
            open,
            [.. milestones.Select(m => new MilestoneDto(m.Milestone, m.Date, m.Symbol, m.RecordedAt, m.RecordedBy))],
            lastError);
    }
}
