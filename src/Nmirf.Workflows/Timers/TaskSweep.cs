using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nmirf.Mandates.Contracts;
using Nmirf.Mandates.FocalPoints;
using Nmirf.Workflows.Definitions;
using Nmirf.Workflows.Engine;
using Nmirf.Workflows.Contracts;
using Nmirf.Workflows.Model;
using Nmirf.Workflows.Tasks;

namespace Nmirf.Workflows.Timers;

/// <summary>Settings of the timers (section <c>Workflows:Timers</c>).</summary>
public sealed class TimerSettings
{
    /// <summary>When the daily sweep runs (Quartz cron, server time).</summary>
    public string SweepCron { get; set; } = "0 0 6 * * ?";

    /// <summary>How long a task stays overdue before it is escalated to the head of its institution.</summary>
    public string EscalateAfter { get; set; } = "P7D";

    /// <summary>
    /// How long before a report's due date its cycle's workflow starts on its own; empty to start cycles by hand only.
    /// No committee rule fixes this: each mechanism sets its own.
    /// </summary>
    public string? AutoStartLead { get; set; } = "P9M";
}

/// <summary>What one sweep did.</summary>
public sealed record SweepReport(int MarkedOverdue, int Reminders, int Escalations, int Expired, int Joined, int CyclesStarted);

/// <summary>
/// The daily sweep: marks overdue tasks, reminds their assignees once a day, escalates long-overdue ones to the head
/// focal point of the institution, closes the unanswered part of data requests whose due date passed (so the request
/// joins), re-publishes completions a crash may have lost, and starts cycles whose report falls due within the lead
/// time. Idempotent: running it twice on one day changes nothing the second time.
/// </summary>
internal sealed class TaskSweep(
    WorkflowsDbContext db,
    TaskHandlers tasks,
    ISender sender,
    TimerSettings settings,
    TimeProvider clock,
    ILogger<TaskSweep> logger)
{
    public async Task<SweepReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var escalateAfter = IsoDuration.TryParse(settings.EscalateAfter) ?? throw new InvalidOperationException($"Workflows:Timers:EscalateAfter '{settings.EscalateAfter}' is not an ISO 8601 duration.");
        int overdue = 0, reminders = 0, escalations = 0, expired = 0;
        var pointersToJoin = new HashSet<string>(StringComparer.Ordinal);

        var late = await db.Tasks.IgnoreQueryFilters().Where(t => t.State == TaskState.Open && t.DueAt != null && t.DueAt < now).ToListAsync(cancellationToken);
        var heads = new Dictionary<string, IReadOnlyList<FocalPointDto>>(StringComparer.Ordinal);
        foreach (var task in late)
        {
            if (task.Join == TaskJoin.All)
            {
                // A data request joins when its due date passes: the unanswered institutions are recorded as such.
                task.State = TaskState.Expired;
                task.Version++;
                expired++;
                pointersToJoin.Add(task.PointerId);
                Notify(task, NotificationKind.Reminder, task.Assignee, $"The data request '{task.Title}' closed on its due date ({task.DueAt:yyyy-MM-dd}) without an answer from {task.Assignee}.", today, now);
                continue;
            }

            if (task.OverdueSince is null)
            {
                task.OverdueSince = now;
                overdue++;
            }

            if (task.LastRemindedOn != today)
            {
                task.LastRemindedOn = today;
                reminders++;
                Notify(task, NotificationKind.Reminder, task.Assignee, $"Reminder: '{task.Title}' was due on {task.DueAt:yyyy-MM-dd}.", today, now);
            }

            if (task.EscalatedAt is null && escalateAfter.AddTo(task.DueAt!.Value) <= now)
            {
                task.EscalatedAt = now;
                escalations++;
                var recipient = await HeadOfAsync(task, heads, cancellationToken);
                Notify(task, NotificationKind.Escalation, recipient, $"Escalation: '{task.Title}', assigned to {task.Assignee}, is overdue since {task.DueAt:yyyy-MM-dd}.", today, now);
            }

            task.Version++;
        }

        await db.SaveChangesAsync(cancellationToken);

        // Steps still waiting although their tasks are all closed: a completion whose event a crash lost.
        var waiting = await db.KernelPointers.AsNoTracking()
            .Where(p => p.EventName == StepEvents.TasksDone && !p.EventPublished && p.EndTime == null)
            .Select(p => p.EventKey!)
            .ToListAsync(cancellationToken);
        foreach (var pointer in waiting.Where(p => p is not null))
        {
            var states = await db.Tasks.IgnoreQueryFilters().Where(t => t.PointerId == pointer).Select(t => t.State).ToListAsync(cancellationToken);
            var pendingEvent = await db.KernelEvents.AnyAsync(e => e.EventName == StepEvents.TasksDone && e.EventKey == pointer && !e.IsProcessed, cancellationToken);
            if (states.Count > 0 && !states.Contains(TaskState.Open) && !pendingEvent)
            {
                pointersToJoin.Add(pointer);
            }
        }

        foreach (var pointer in pointersToJoin)
        {
            await tasks.PublishIfJoinedAsync(pointer, cancellationToken);
        }

        var started = await AutoStartAsync(cancellationToken);
        var report = new SweepReport(overdue, reminders, escalations, expired, pointersToJoin.Count, started);
        logger.LogInformation("Sweep: {Report}", report);
        return report;
    }

    private async Task<string> HeadOfAsync(HumanTask task, Dictionary<string, IReadOnlyList<FocalPointDto>> cache, CancellationToken cancellationToken)
    {
        if (task.AssigneeInstitution is not { } institution)
        {
            return "role administrator";
        }

        var key = task.CountryCode + "/" + institution;
        if (!cache.TryGetValue(key, out var points))
        {
            var listed = await sender.Send(new ListFocalPoints(task.CountryCode, institution), cancellationToken);
            points = listed.IsSuccess ? listed.Value : [];
            cache[key] = points;
        }

        return points.FirstOrDefault(p => p.Role == FocalPointRole.Head) is { } head
            ? $"focal point {head.Email} (head of {institution})"
            : "role administrator";
    }

    private void Notify(HumanTask task, NotificationKind kind, string recipient, string message, DateOnly today, DateTimeOffset now)
    {
        db.Notifications.Add(new Notification
        {
            CountryCode = task.CountryCode,
            RunId = task.RunId,
            TaskId = task.Id,
            Kind = kind,
            Recipient = recipient,
            Message = message,
            Day = today,
            CreatedAt = now,
        });
        logger.LogInformation("{Kind} to {Recipient}: {Message}", kind, recipient, message);
    }

    private async Task<int> AutoStartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.AutoStartLead))
        {
            return 0;
        }

        var lead = IsoDuration.TryParse(settings.AutoStartLead) ?? throw new InvalidOperationException($"Workflows:Timers:AutoStartLead '{settings.AutoStartLead}' is not an ISO 8601 duration.");
        var horizon = DateOnly.FromDateTime(lead.AddTo(clock.GetUtcNow()).UtcDateTime);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var started = 0;
        foreach (var country in await sender.Send(new Nmirf.Mandates.Countries.ListCountries(), cancellationToken))
        {
            var calendar = await sender.Send(new Nmirf.Reporting.Calendar.GetCalendar(country.Code), cancellationToken);
            if (!calendar.IsSuccess)
            {
                continue;
            }

            // Reports already overdue are not started behind the mechanism's back: only those falling due ahead.
            foreach (var obligation in calendar.Value.Obligations.Where(o => o.DueOn >= today && o.DueOn <= horizon && o.Document is Nmirf.Plugins.Abstractions.DocumentKind.PeriodicReport or Nmirf.Plugins.Abstractions.DocumentKind.UprNationalReport))
            {
                if (await db.Runs.IgnoreQueryFilters().AnyAsync(r => r.CountryCode == country.Code && r.Body == obligation.Body && r.Report == obligation.Report, cancellationToken))
                {
                    continue;
                }

                var result = await sender.Send(new Cycles.StartCycle(country.Code, obligation.Body, obligation.Report), cancellationToken);
                if (result.IsSuccess)
                {
                    started++;
                }
                else
                {
                    logger.LogWarning("Cycle of {Country} {Body} report {Report} not started: {Errors}", country.Code, obligation.Body, obligation.Report, string.Join("; ", result.Errors));
                }
            }
        }

        return started;
    }
}
