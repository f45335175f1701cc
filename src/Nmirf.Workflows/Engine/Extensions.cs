using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nmirf.Plugins.Abstractions;
using Nmirf.Workflows.Definitions;
using Nmirf.Workflows.Contracts;
using Nmirf.Workflows.Model;

namespace Nmirf.Workflows.Engine;

/// <summary>What a <c>generate-draft</c> step asks of the drafting module.</summary>
public interface IDraftRequester
{
    Task RequestAsync(CycleData data, string document, string requestKey, CancellationToken cancellationToken);
}

/// <summary>
/// Until the drafting module is installed, a draft request is recorded as a notification to the country's drafters
/// (and logged), so that the request is visible and nothing waits on it.
/// </summary>
internal sealed class RecordedDraftRequests(WorkflowsDbContext db, TimeProvider clock, ILogger<RecordedDraftRequests> logger) : IDraftRequester
{
    public async Task RequestAsync(CycleData data, string document, string requestKey, CancellationToken cancellationToken)
    {
        if (await db.Notifications.IgnoreQueryFilters().AnyAsync(n => n.StepKey == requestKey, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        db.Notifications.Add(new Notification
        {
            CountryCode = data.Country,
            RunId = data.RunId,
            Kind = NotificationKind.DraftRequested,
            Recipient = "role drafter",
            StepKey = requestKey,
            Message = $"A draft of the {document} to {data.Body} is due from the drafting module.",
            Day = DateOnly.FromDateTime(now.UtcDateTime),
            CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Draft of {Document} requested for run {Run}", document, data.RunId);
    }
}

/// <summary>The activities the loaded plugins registered.</summary>
internal sealed class PluginActivities(IEnumerable<IWorkflowActivity> activities) : IActivityCatalog
{
    public bool Knows(string type) => activities.Any(a => a.Type == type);

    public IReadOnlyList<string> Check(string type, IReadOnlyDictionary<string, string> parameters) =>
        activities.FirstOrDefault(a => a.Type == type)?.Check(parameters) ?? [$"no loaded plugin provides '{type}'"];
}
