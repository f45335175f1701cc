using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Nmirf.BuildingBlocks.Auditing;

/// <summary>An audit entry as the API and the CLI show it: the values before and after as JSON objects.</summary>
public sealed record AuditView(long Id, DateTime OccurredAt, string Actor, string? Country, string Module, string Action, string Entity, string EntityId, JsonElement? Before, JsonElement? After);

/// <summary>Reads the audit log, newest first. There is no way to change or delete it.</summary>
public static class AuditLog
{
    public const int MaxPage = 1000;

    /// <summary>Entries of <paramref name="country"/> (all countries when null), since a time, before an id (for paging), at most <paramref name="take"/>.</summary>
    public static async Task<IReadOnlyList<AuditView>> ListAsync(AuditDbContext db, string? country, DateTime? since, long? before, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entries = db.Entries.AsNoTracking();
        if (country is not null)
        {
            entries = entries.Where(e => e.CountryCode == country);
        }

        if (since is { } from)
        {
            entries = entries.Where(e => e.OccurredAt >= from);
        }

        if (before is { } id)
        {
            entries = entries.Where(e => e.Id < id);
        }

        var page = await entries.OrderByDescending(e => e.Id).Take(Math.Clamp(take, 1, MaxPage)).ToListAsync(cancellationToken);
        return page.Select(e => new AuditView(e.Id, e.OccurredAt, e.Actor, e.CountryCode, e.Module, e.Action.ToString(), e.Entity, e.EntityId, Parse(e.Before), Parse(e.After))).ToList();
    }

    private static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
