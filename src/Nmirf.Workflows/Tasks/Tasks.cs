using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.BuildingBlocks.Tenancy;
using Nmirf.Workflows.Definitions;
using Nmirf.Workflows.Engine;
using Nmirf.Workflows.Contracts;
using Nmirf.Workflows.Model;

namespace Nmirf.Workflows.Tasks;

/// <summary>A human task as listed and shown.</summary>
public sealed record TaskDto(
    Guid Id,
    string Country,
    Guid Run,
    string Step,
    string Type,
    string Title,
    string? Instructions,
    string? Institution,
    string? FocalPoint,
    string? Role,
    string? AssignmentNote,
    DateTimeOffset? DueAt,
    bool Overdue,
    TaskState State,
    IReadOnlyList<FormField> Form,
    JsonElement? Answers,
    string? Decision,
    string? CompletedBy,
    DateTimeOffset? CompletedAt,
    DateTimeOffset CreatedAt,
    int Version,
    IReadOnlyList<TaskCommentDto> Comments);

public sealed record TaskCommentDto(string Author, string Text, DateTimeOffset At);

/// <summary>
/// An inbox: the tasks of a country, narrowed to an institution, a person (their focal-point e-mail, their
/// institution and their account roles) or a state. <paramref name="RestrictedTo"/> is the institution a focal
/// point's rights confine them to.
/// </summary>
public sealed record ListTasks(
    string? Country = null,
    string? Institution = null,
    string? Person = null,
    IReadOnlyList<string>? Roles = null,
    TaskState? State = null,
    string? RestrictedTo = null,
    string? PersonInstitution = null,
    int Skip = 0,
    int Take = 200,
    Guid? Run = null) : IQuery<Result<IReadOnlyList<TaskDto>>>;

public sealed record GetTask(Guid Id, string? Country = null, string? RestrictedTo = null) : IQuery<Result<TaskDto>>;

/// <summary>
/// Completes a task with answers checked against its form. <paramref name="ExpectedVersion"/>, when given, must be the
/// version read. <paramref name="Acting"/> says who acts (null: the CLI, with the rights of whoever runs it).
/// </summary>
public sealed record CompleteTask(Guid Id, JsonElement Answers, int? ExpectedVersion = null, string? Country = null, string? RestrictedTo = null, ActingAs? Acting = null) : ICommand<Result<TaskDto>>;

/// <summary>Who acts on a task: their account roles in the country (kebab-case) and the institution a focal point acts for.</summary>
public sealed record ActingAs(IReadOnlyList<string> Roles, string? Institution)
{
    /// <summary>A task is done by its assignee: the institution's focal points, the people holding its role; administrators may act for anyone.</summary>
    public bool MayAct(string? assigneeInstitution, string? assigneeRole) =>
        Roles.Contains("administrator")
        || (assigneeRole is not null && Roles.Contains(assigneeRole))
        || (assigneeInstitution is not null && assigneeInstitution == Institution);
}

/// <summary>Gives the task to another institution, focal point or role (exactly one).</summary>
public sealed record ReassignTask(Guid Id, string? Institution, string? FocalPoint, string? Role, string? Reason, string? Country = null) : ICommand<Result<TaskDto>>;

/// <summary>The assignee hands the task back to the country's administrators, saying why.</summary>
public sealed record ReturnTask(Guid Id, string Reason, string? Country = null, string? RestrictedTo = null, ActingAs? Acting = null) : ICommand<Result<TaskDto>>;

public sealed record CommentTask(Guid Id, string Text, string? Country = null, string? RestrictedTo = null) : ICommand<Result<TaskDto>>;

internal sealed class TaskHandlers(WorkflowsDbContext db, WorkflowEngine engine, IActorContext actor, TimeProvider clock, ILogger<TaskHandlers> logger, HumanTaskFactory factory) :
    IQueryHandler<ListTasks, Result<IReadOnlyList<TaskDto>>>,
    IQueryHandler<GetTask, Result<TaskDto>>,
    ICommandHandler<CompleteTask, Result<TaskDto>>,
    ICommandHandler<ReassignTask, Result<TaskDto>>,
    ICommandHandler<ReturnTask, Result<TaskDto>>,
    ICommandHandler<CommentTask, Result<TaskDto>>
{
    public async ValueTask<Result<IReadOnlyList<TaskDto>>> Handle(ListTasks query, CancellationToken cancellationToken)
    {
        var tasks = db.Tasks.AsNoTracking().AsQueryable();
        if (query.Country is { } country)
        {
            tasks = tasks.Where(t => t.CountryCode == country);
        }

        if (query.RestrictedTo is { } only)
        {
            tasks = tasks.Where(t => t.AssigneeInstitution == only);
        }

        if (query.Institution is { } institution)
        {
            tasks = tasks.Where(t => t.AssigneeInstitution == institution);
        }

        if (query.Person is { } person)
        {
            var roles = query.Roles ?? [];
            var own = query.PersonInstitution;
            tasks = tasks.Where(t => t.AssigneeFocalPoint == person || (t.AssigneeRole != null && roles.Contains(t.AssigneeRole)) || (own != null && t.AssigneeInstitution == own));
        }

        if (query.State is { } state)
        {
            tasks = tasks.Where(t => t.State == state);
        }

        if (query.Run is { } run)
        {
            tasks = tasks.Where(t => t.RunId == run);
        }

        var rows = await tasks.OrderBy(t => t.State).ThenBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.Id)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 1000)).ToListAsync(cancellationToken);
        return rows.Select(t => ToDto(t, [])).ToList();
    }

    public async ValueTask<Result<TaskDto>> Handle(GetTask query, CancellationToken cancellationToken)
    {
        var task = await Find(query.Id, query.Country, query.RestrictedTo, tracking: false, cancellationToken);
        return task is null ? NotFound(query.Id) : await WithComments(task, cancellationToken);
    }

    public async ValueTask<Result<TaskDto>> Handle(CompleteTask command, CancellationToken cancellationToken)
    {
        var task = await Find(command.Id, command.Country, command.RestrictedTo, tracking: true, cancellationToken);
        if (task is null)
        {
            return NotFound(command.Id);
        }

        if (task.State != TaskState.Open)
        {
            return Error.Conflict("state", $"task {task.Id} is already {task.State.ToString().ToLowerInvariant()}{(task.CompletedBy is null ? "" : " by " + task.CompletedBy)}; nothing was changed");
        }

        if (command.Acting is { } acting && !acting.MayAct(task.AssigneeInstitution, task.AssigneeRole))
        {
            return Error.Forbidden("id", $"task {task.Id} is assigned to {task.Assignee}: only its assignee or the country's administrators complete it");
        }

        if (command.ExpectedVersion is { } expected && expected != task.Version)
        {
            return Error.Conflict("version", $"task {task.Id} changed since version {expected} was read (it is at version {task.Version}); read it again");
        }

        var errors = new ErrorList();
        var form = JsonSerializer.Deserialize<List<FormField>>(task.FormJson, HumanTaskFactory.FormJson) ?? [];
        var values = FormAnswers.Check(form, command.Answers, errors);
        if (task.StepType == Activities.Approval && values.TryGetValue("decision", out var d) && d.GetString() == "return"
            && (!values.TryGetValue("comments", out var c) || string.IsNullOrWhiteSpace(c.GetString())))
        {
            errors.Add("answers.comments", "required when returning: say what must change");
        }

        if (errors.HasErrors)
        {
            return Result<TaskDto>.Failure(errors.Errors);
        }

        var now = clock.GetUtcNow();
        task.State = TaskState.Completed;
        task.AnswersJson = JsonSerializer.Serialize(values);
        task.Decision = task.StepType == Activities.Approval ? values["decision"].GetString() : null;
        task.CompletedBy = actor.Actor;
        task.CompletedAt = now;
        task.Version++;

        var siblings = await db.Tasks.IgnoreQueryFilters().Where(t => t.PointerId == task.PointerId && t.Id != task.Id).ToListAsync(cancellationToken);
        Func<Task>? afterCommit = null;
        if (task.Join == TaskJoin.Any)
        {
            foreach (var other in siblings.Where(s => s.State == TaskState.Open))
            {
                other.State = TaskState.Superseded;
                other.Version++;
            }

            afterCommit = engine.StageEvent(db, StepEvents.TasksDone, task.PointerId, Outcome(task, values).ToPayload(), now.UtcDateTime);
        }
        else if (siblings.All(s => s.State != TaskState.Open))
        {
            afterCommit = engine.StageEvent(db, StepEvents.TasksDone, task.PointerId, JoinOutcome([task, .. siblings]).ToPayload(), now.UtcDateTime);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("version", $"task {task.Id} was completed or changed by someone else at the same time; nothing was changed, read it again");
        }

        if (afterCommit is not null)
        {
            await afterCommit();
        }
        else
        {
            // Two last answers of a data request saved at once each see the other still open: whoever commits
            // second publishes. A duplicate is harmless (the step takes the first).
            await PublishIfJoinedAsync(task.PointerId, cancellationToken);
        }

        logger.LogInformation("Task {Task} ({Step}) completed by {Actor}", task.Id, task.StepId, actor.Actor);
        return await WithComments(task, cancellationToken);
    }

    /// <summary>Publishes the join of a data request whose tasks are all closed; used after races and by the sweep.</summary>
    public async Task PublishIfJoinedAsync(string pointerId, CancellationToken cancellationToken)
    {
        var group = await db.Tasks.IgnoreQueryFilters().AsNoTracking().Where(t => t.PointerId == pointerId).ToListAsync(cancellationToken);
        if (group.Count == 0 || group.Any(t => t.State == TaskState.Open))
        {
            return;
        }

        var outcome = group[0].Join == TaskJoin.All
            ? JoinOutcome(group)
            : group.FirstOrDefault(t => t.State == TaskState.Completed) is { } done
                ? Outcome(done, JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(done.AnswersJson ?? "{}")!)
                : new TaskOutcome(null, []);
        var afterCommit = engine.StageEvent(db, StepEvents.TasksDone, pointerId, outcome.ToPayload(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        await afterCommit();
    }

    private static TaskOutcome Outcome(HumanTask task, Dictionary<string, JsonElement> values)
    {
        var result = new Dictionary<string, JsonElement>(values, StringComparer.Ordinal)
        {
            ["completedBy"] = JsonSerializer.SerializeToElement(task.CompletedBy),
        };
        return new TaskOutcome(task.Decision == "return" ? HumanTaskBody.Returned : task.Decision is null ? null : HumanTaskBody.Approved, result);
    }

    private static TaskOutcome JoinOutcome(IReadOnlyList<HumanTask> group) => new(null, new Dictionary<string, JsonElement>(StringComparer.Ordinal)
    {
        ["answered"] = JsonSerializer.SerializeToElement(group.Count(t => t.State == TaskState.Completed)),
        ["missing"] = JsonSerializer.SerializeToElement(group.Count(t => t.State != TaskState.Completed)),
    });

    public async ValueTask<Result<TaskDto>> Handle(ReassignTask command, CancellationToken cancellationToken)
    {
        var given = new[] { command.Institution, command.FocalPoint, command.Role }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (given != 1)
        {
            return new Error("assignee", "name exactly one of institution, focalPoint or role");
        }

        var task = await Find(command.Id, command.Country, null, tracking: true, cancellationToken);
        if (task is null)
        {
            return NotFound(command.Id);
        }

        if (task.State != TaskState.Open)
        {
            return Error.Conflict("state", $"task {task.Id} is {task.State.ToString().ToLowerInvariant()}; only open tasks are reassigned");
        }

        var wanted = new Assignees(command.Institution is null ? [] : [command.Institution], null, null, command.FocalPoint, command.Role);
        if (command.Role is { } role && !DefinitionReader.AccountRoles.Contains(role))
        {
            return new Error("role", $"unknown role '{role}': expected one of {string.Join(", ", DefinitionReader.AccountRoles)}");
        }

        var resolved = (await factory.ResolveAsync(task.CountryCode, wanted, cancellationToken)).Single();
        if (resolved.Note is not null)
        {
            return new Error(command.Institution is not null ? "institution" : "focalPoint", resolved.Note.Replace("Sent to the administrators: ", "", StringComparison.Ordinal).TrimEnd('.'));
        }

        task.AssigneeInstitution = resolved.Institution;
        task.AssigneeFocalPoint = resolved.FocalPoint;
        task.AssigneeRole = resolved.Role;
        task.AssignmentNote = null;
        task.Version++;
        AddComment(task, $"Reassigned to {task.Assignee}{(string.IsNullOrWhiteSpace(command.Reason) ? "" : ": " + command.Reason.Trim())}");
        return await Save(task, cancellationToken);
    }

    public async ValueTask<Result<TaskDto>> Handle(ReturnTask command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            return new Error("reason", "required: say why the task is handed back");
        }

        var task = await Find(command.Id, command.Country, command.RestrictedTo, tracking: true, cancellationToken);
        if (task is null)
        {
            return NotFound(command.Id);
        }

        if (task.State != TaskState.Open)
        {
            return Error.Conflict("state", $"task {task.Id} is {task.State.ToString().ToLowerInvariant()}; only open tasks are handed back");
        }

        if (command.Acting is { } acting && !acting.MayAct(task.AssigneeInstitution, task.AssigneeRole))
        {
            return Error.Forbidden("id", $"task {task.Id} is assigned to {task.Assignee}: only its assignee or the country's administrators hand it back");
        }

        var from = task.Assignee;
        task.AssigneeInstitution = null;
        task.AssigneeFocalPoint = null;
        task.AssigneeRole = "administrator";
        task.AssignmentNote = $"Handed back by {from}: {command.Reason.Trim()}";
        task.Version++;
        AddComment(task, task.AssignmentNote);
        return await Save(task, cancellationToken);
    }

    public async ValueTask<Result<TaskDto>> Handle(CommentTask command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Text) || command.Text.Length > 8000)
        {
            return new Error("text", "a comment is 1 to 8000 characters");
        }

        var task = await Find(command.Id, command.Country, command.RestrictedTo, tracking: true, cancellationToken);
        if (task is null)
        {
            return NotFound(command.Id);
        }

        AddComment(task, command.Text.Trim());
        return await Save(task, cancellationToken);
    }

    private void AddComment(HumanTask task, string text) =>
        db.Comments.Add(new TaskComment { CountryCode = task.CountryCode, TaskId = task.Id, Author = actor.Actor, Text = text, At = clock.GetUtcNow() });

    private async Task<Result<TaskDto>> Save(HumanTask task, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("version", $"task {task.Id} was changed by someone else at the same time; nothing was changed, read it again");
        }

        return await WithComments(task, cancellationToken);
    }

    private async Task<HumanTask?> Find(Guid id, string? country, string? restrictedTo, bool tracking, CancellationToken cancellationToken)
    {
        var tasks = tracking ? db.Tasks : db.Tasks.AsNoTracking();
        var task = await tasks.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        return task is null || (country is not null && task.CountryCode != country) || (restrictedTo is not null && task.AssigneeInstitution != restrictedTo)
            ? null
            : task;
    }

    private static Error NotFound(Guid id) => Error.NotFound("id", $"no task {id}");

    private async Task<TaskDto> WithComments(HumanTask task, CancellationToken cancellationToken)
    {
        var comments = await db.Comments.AsNoTracking().Where(c => c.TaskId == task.Id).OrderBy(c => c.At).ToListAsync(cancellationToken);
        var pending = db.ChangeTracker.Entries<TaskComment>().Where(e => e.State == EntityState.Added).Select(e => e.Entity);
        return ToDto(task, [.. comments.Concat(pending).DistinctBy(c => c.Id).Select(c => new TaskCommentDto(c.Author, c.Text, c.At))]);
    }

    private TaskDto ToDto(HumanTask t, IReadOnlyList<TaskCommentDto> comments) => new(
        t.Id,
        t.CountryCode,
        t.RunId,
        t.StepId,
        t.StepType,
        t.Title,
        t.Instructions,
        t.AssigneeInstitution,
        t.AssigneeFocalPoint,
        t.AssigneeRole,
        t.AssignmentNote,
        t.DueAt,
        t.State == TaskState.Open && t.DueAt is { } due && due < clock.GetUtcNow(),
        t.State,
        JsonSerializer.Deserialize<List<FormField>>(t.FormJson, HumanTaskFactory.FormJson) ?? [],
        t.AnswersJson is null ? null : JsonSerializer.Deserialize<JsonElement>(t.AnswersJson),
        t.Decision,
        t.CompletedBy,
        t.CompletedAt,
        t.CreatedAt,
        t.Version,
        comments);
}
