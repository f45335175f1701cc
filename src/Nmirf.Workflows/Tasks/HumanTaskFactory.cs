using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nmirf.BuildingBlocks.Text;
using Nmirf.Mandates.Contracts;
using Nmirf.Mandates.FocalPoints;
using Nmirf.Mandates.Institutions;
using Nmirf.Workflows.Definitions;
using Nmirf.Workflows.Engine;
using Nmirf.Workflows.Contracts;
using Nmirf.Workflows.Model;

namespace Nmirf.Workflows.Tasks;

/// <summary>One resolved assignee of a task.</summary>
internal sealed record TaskAssignee(string? Institution, string? FocalPoint, string? Role, string? Note);

/// <summary>
/// Creates the human tasks of a step and the messages of a notify step, resolving assignees against the country's
/// mandate. Idempotent per execution pointer: a step run again after a crash finds its tasks already there.
/// </summary>
internal sealed class HumanTaskFactory(WorkflowsDbContext db, ISender sender, TimeProvider clock, ILogger<HumanTaskFactory> logger)
{
    internal static readonly JsonSerializerOptions FormJson = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public async Task EnsureTasksAsync(CycleData data, StepDefinition spec, string instanceId, string pointerId, DateTimeOffset stepStart, CancellationToken cancellationToken)
    {
        if (await db.Tasks.IgnoreQueryFilters().AnyAsync(t => t.PointerId == pointerId, cancellationToken))
        {
            return;
        }

        var assignees = await ResolveAsync(data.Country, spec.Assignees!, cancellationToken);
        var form = spec.Type == Activities.Approval ? ApprovalForm : spec.Form;
        var now = clock.GetUtcNow();
        foreach (var assignee in assignees)
        {
            db.Tasks.Add(new HumanTask
            {
                CountryCode = data.Country,
                RunId = data.RunId,
                WorkflowInstanceId = instanceId,
                PointerId = pointerId,
                StepId = spec.Id,
                StepType = spec.Type,
                Join = spec.Type == Activities.DataRequest ? TaskJoin.All : TaskJoin.Any,
                Title = spec.Title ?? spec.Id,
                Instructions = spec.Instructions,
                AssigneeInstitution = assignee.Institution,
                AssigneeFocalPoint = assignee.FocalPoint,
                AssigneeRole = assignee.Role,
                AssignmentNote = assignee.Note,
                FormJson = JsonSerializer.Serialize(form, FormJson),
                DueAt = spec.Due?.Resolve(data.DueOn, stepStart),
                State = TaskState.Open,
                CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Step {Step} of run {Run}: {Count} task(s) created", spec.Id, data.RunId, assignees.Count);
    }

    public async Task NotifyAsync(CycleData data, StepDefinition spec, string pointerId, CancellationToken cancellationToken)
    {
        // A notify step run again after a crash must not send twice.
        if (await db.Notifications.IgnoreQueryFilters().AnyAsync(n => n.StepKey == pointerId, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var assignee in await ResolveAsync(data.Country, spec.Assignees!, cancellationToken))
        {
            var recipient = assignee.Institution is not null ? "institution " + assignee.Institution
                : assignee.FocalPoint is not null ? "focal point " + assignee.FocalPoint
                : "role " + assignee.Role;
            db.Notifications.Add(new Notification
            {
                CountryCode = data.Country,
                RunId = data.RunId,
                Kind = NotificationKind.Notify,
                Recipient = recipient,
                StepKey = pointerId,
                Message = spec.Message!,
                Day = DateOnly.FromDateTime(now.UtcDateTime),
                CreatedAt = now,
            });
            logger.LogInformation("Notification to {Recipient} for run {Run}: {Message}", recipient, data.RunId, spec.Message);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The approval's form: a decision, and comments (required when returning).</summary>
    public static readonly IReadOnlyList<FormField> ApprovalForm =
    [
        new("decision", FieldType.Choice, true, "Decision", ["approve", "return"]),
        new("comments", FieldType.Text, false, "Comments", []),
    ];

    /// <summary>
    /// The assignees of a step in <paramref name="country"/>. When nothing in the mandate matches (an institution code
    /// the country does not have, no institution of that kind), the task goes to the country's administrators with a
    /// note saying why, so that the cycle never waits on nobody.
    /// </summary>
    public async Task<IReadOnlyList<TaskAssignee>> ResolveAsync(string country, Assignees assignees, CancellationToken cancellationToken)
    {
        if (assignees.Role is { } role)
        {
            return [new TaskAssignee(null, null, role, null)];
        }

        if (assignees.FocalPoint is { } email)
        {
            var focalPoints = await sender.Send(new ListFocalPoints(country), cancellationToken);
            var match = focalPoints.IsSuccess ? focalPoints.Value.FirstOrDefault(f => string.Equals(f.Email, email, StringComparison.OrdinalIgnoreCase)) : null;
            return match is null
                ? [Fallback($"no focal point {email} in {country}'s mandate")]
                : [new TaskAssignee(match.Institution, match.Email, null, null)];
        }

        var listed = await sender.Send(new ListInstitutions(country), cancellationToken);
        var institutions = listed.IsSuccess ? listed.Value : [];
        List<InstitutionDto> chosen;
        string wanted;
        if (assignees.Institutions.Count > 0)
        {
            chosen = [.. institutions.Where(i => assignees.Institutions.Contains(i.Code!, StringComparer.Ordinal))];
            wanted = "institutions " + string.Join(", ", assignees.Institutions.Where(c => !chosen.Any(i => i.Code == c)));
        }
        else if (assignees.InstitutionRole is { } institutionRole)
        {
            chosen = [.. institutions.Where(i => i.Role is { } r && Names.Kebab(r.ToString()) == institutionRole)];
            wanted = "institutions with the role " + institutionRole;
        }
        else
        {
            chosen = [.. institutions.Where(i => i.Kind is { } k && Names.Kebab(k.ToString()) == assignees.InstitutionKind)];
            wanted = "institutions of the kind " + assignees.InstitutionKind;
        }

        if (chosen.Count == 0)
        {
            return [Fallback($"no {wanted} in {country}'s mandate")];
        }

        var result = chosen.OrderBy(i => i.Code, StringComparer.Ordinal).Select(i => new TaskAssignee(i.Code, null, null, null)).ToList();
        if (assignees.Institutions.Count > chosen.Count)
        {
            logger.LogWarning("Assignees not in {Country}'s mandate: {Wanted}", country, wanted);
        }

        return result;
    }

    private static TaskAssignee Fallback(string why) => new(null, null, "administrator", "Sent to the administrators: " + why + ".");
}
