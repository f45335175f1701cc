using Mediator;
using Microsoft.EntityFrameworkCore;
using Nmirf.BuildingBlocks.Bodies;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.BuildingBlocks.Files;
using Nmirf.BuildingBlocks.Tenancy;
using Nmirf.Mandates.Institutions;
using Nmirf.Plugins.Abstractions;
using Nmirf.Recommendations.Contracts;
using Nmirf.Recommendations.Model;
using Nmirf.Reporting.Cycles;

namespace Nmirf.Recommendations.Use;

/// <summary>Names the lead institution and the supporting ones (institution codes of the country's mandate).</summary>
public sealed record AssignRecommendation(string Country, Guid Id, string? Lead, IReadOnlyList<string> Supporting) : ICommand<Result<RecommendationView>>;

/// <summary>Records a change of implementation status, with its date, the institution reporting it and the reason.</summary>
public sealed record SetRecommendationStatus(string Country, Guid Id, ImplementationStatus? Status, DateOnly? On, string? Institution, string? Reason) : ICommand<Result<RecommendationView>>;

/// <summary>Adds themes to a recommendation (as when a person accepts a suggestion).</summary>
public sealed record AddThemes(string Country, Guid Id, IReadOnlyList<string> Themes) : ICommand<Result<RecommendationView>>;

/// <summary>A file attached to a progress update; its name is a label only.</summary>
public sealed record EvidenceUpload(string FileName, string ContentType, Stream Content);

/// <summary>
/// A dated narrative by an institution on what it did, with links and evidence files; a focal point
/// (<c>OnlyInstitution</c>) may report only for their institution and on recommendations it leads or supports.
/// </summary>
public sealed record AddProgress(string Country, Guid Id, DateOnly? On, string? Institution, string? Narrative, IReadOnlyList<string> Links, IReadOnlyList<EvidenceUpload> Evidence, string? OnlyInstitution = null)
    : ICommand<Result<ProgressView>>;

/// <summary>Marks recommendations selected for the committee's follow-up procedure, with the deadline from the body's rule unless one is given.</summary>
public sealed record SelectForFollowUp(string Country, IReadOnlyList<Guid> Ids, DateOnly? Deadline = null) : ICommand<Result<IReadOnlyList<RecommendationView>>>;

/// <summary>An evidence file's content, to download.</summary>
public sealed record GetEvidence(string Country, Guid RecommendationId, Guid FileId, string? OnlyInstitution = null) : IQuery<Result<(EvidenceView File, Stream Content)>>;

/// <summary>Where evidence files are stored: <c>Storage:Path</c>, by default <c>data/files</c>.</summary>
public sealed class RecommendationStorage(string root)
{
    public const long MaxFileBytes = 25 * 1024 * 1024;

    public string Root { get; } = Path.GetFullPath(root);

    internal string PathOf(string country, string storedName) => Path.Combine(Root, "evidence", country, storedName);
}

internal sealed class CommandHandlers(RecommendationsDbContext db, ISender sender, IBodyCatalog bodies, RecommendationStorage storage, TimeProvider clock, IActorContext actor) :
    ICommandHandler<AssignRecommendation, Result<RecommendationView>>,
    ICommandHandler<SetRecommendationStatus, Result<RecommendationView>>,
    ICommandHandler<AddThemes, Result<RecommendationView>>,
    ICommandHandler<AddProgress, Result<ProgressView>>,
    ICommandHandler<SelectForFollowUp, Result<IReadOnlyList<RecommendationView>>>,
    IQueryHandler<GetEvidence, Result<(EvidenceView File, Stream Content)>>
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async ValueTask<Result<RecommendationView>> Handle(AssignRecommendation command, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        var known = await InstitutionsAsync(command.Country, cancellationToken);
        if (command.Lead is { } lead && !known.Contains(lead))
        {
            errors.Add("lead", $"no institution '{lead}' in {command.Country}");
        }

        for (var i = 0; i < command.Supporting.Count; i++)
        {
            if (!known.Contains(command.Supporting[i]))
            {
                errors.Add($"supporting[{i}]", $"no institution '{command.Supporting[i]}' in {command.Country}");
            }
            else if (command.Supporting[i] == command.Lead)
            {
                errors.Add($"supporting[{i}]", $"'{command.Lead}' is already the lead institution");
            }
        }

        if (errors.HasErrors)
        {
            return Result<RecommendationView>.Failure(errors.Errors);
        }

        var recommendation = await FindAsync(command.Country, command.Id, cancellationToken);
        if (recommendation is null)
        {
            return NotFound(command.Country, command.Id);
        }

        recommendation.LeadInstitution = command.Lead;
        var wanted = command.Supporting.Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        recommendation.Tags.RemoveAll(t => t.Kind == TagKind.SupportingInstitution && !wanted.Contains(t.Value));
        foreach (var code in wanted.Where(c => !recommendation.Tags.Any(t => t.Kind == TagKind.SupportingInstitution && t.Value == c)))
        {
            recommendation.Tags.Add(new RecommendationTag { RecommendationId = recommendation.Id, CountryCode = recommendation.CountryCode, Kind = TagKind.SupportingInstitution, Value = code });
        }

        await db.SaveChangesAsync(cancellationToken);
        return recommendation.ToView();
    }

    public async ValueTask<Result<RecommendationView>> Handle(SetRecommendationStatus command, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        if (command.Status is null)
        {
            errors.Add("status", $"is required: one of {string.Join(", ", Enum.GetNames<ImplementationStatus>())}");
        }

        if (command.On > Today)
        {
            errors.Add("on", $"{command.On:yyyy-MM-dd} is in the future");
        }

        errors.MaxLength("reason", command.Reason, 2000);
        if (command.Institution is { } institution && !(await InstitutionsAsync(command.Country, cancellationToken)).Contains(institution))
        {
            errors.Add("institution", $"no institution '{institution}' in {command.Country}");
        }

        if (errors.HasErrors)
        {
            return Result<RecommendationView>.Failure(errors.Errors);
        }

        var recommendation = await FindAsync(command.Country, command.Id, cancellationToken);
        if (recommendation is null)
        {
            return NotFound(command.Country, command.Id);
        }

        db.StatusChanges.Add(new StatusChange
        {
            RecommendationId = recommendation.Id,
            CountryCode = command.Country,
            From = recommendation.Status,
            To = command.Status!.Value,
            On = command.On ?? Today,
            Institution = command.Institution,
            Reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim(),
            RecordedBy = actor.Actor,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        });
        recommendation.Status = command.Status.Value;
        await db.SaveChangesAsync(cancellationToken);
        return recommendation.ToView();
    }

    public async ValueTask<Result<RecommendationView>> Handle(AddThemes command, CancellationToken cancellationToken)
    {
        if (command.Themes.Count == 0 || command.Themes.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > 300))
        {
            return new Error("themes", "give one or more themes of 1 to 300 characters");
        }

        var recommendation = await FindAsync(command.Country, command.Id, cancellationToken);
        if (recommendation is null)
        {
            return NotFound(command.Country, command.Id);
        }

        foreach (var theme in command.Themes.Select(t => t.Trim()).Distinct().Where(t => !recommendation.Tags.Any(x => x.Kind == TagKind.Theme && x.Value == t)))
        {
            recommendation.Tags.Add(new RecommendationTag { RecommendationId = recommendation.Id, CountryCode = recommendation.CountryCode, Kind = TagKind.Theme, Value = theme });
        }

        await db.SaveChangesAsync(cancellationToken);
        return recommendation.ToView();
    }

    public async ValueTask<Result<ProgressView>> Handle(AddProgress command, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        if (errors.Required("narrative", command.Narrative))
        {
            errors.MaxLength("narrative", command.Narrative, 20000);
        }

        if (command.On > Today)
        {
            errors.Add("on", $"{command.On:yyyy-MM-dd} is in the future");
        }

        if (errors.Required("institution", command.Institution))
        {
            if (command.OnlyInstitution is { } mine && command.Institution != mine)
            {
                errors.Add("institution", $"you report for '{mine}' only");
            }
            else if (!(await InstitutionsAsync(command.Country, cancellationToken)).Contains(command.Institution!))
            {
                errors.Add("institution", $"no institution '{command.Institution}' in {command.Country}");
            }
        }

        for (var i = 0; i < command.Links.Count; i++)
        {
            if (!Uri.TryCreate(command.Links[i], UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                errors.Add($"links[{i}]", $"'{command.Links[i]}' is not an http or https address");
            }
        }

        var stored = new List<(EvidenceUpload Upload, string StoredName)>();
        for (var i = 0; i < command.Evidence.Count; i++)
        {
            var name = StoredFileNames.ForStorage(command.Evidence[i].FileName);
            if (!name.IsSuccess)
            {
                errors.Add($"evidence[{i}].fileName", name.Errors[0].Message);
            }
            else
            {
                stored.Add((command.Evidence[i], name.Value));
            }
        }

        if (errors.HasErrors)
        {
            return Result<ProgressView>.Failure(errors.Errors);
        }

        var recommendation = await FindAsync(command.Country, command.Id, cancellationToken, command.OnlyInstitution);
        if (recommendation is null)
        {
            return NotFound(command.Country, command.Id);
        }

        var update = new ProgressUpdate
        {
            RecommendationId = recommendation.Id,
            CountryCode = command.Country,
            On = command.On ?? Today,
            Institution = command.Institution!,
            Narrative = command.Narrative!.Trim(),
            Links = [.. command.Links],
            RecordedBy = actor.Actor,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
        };
        var written = new List<string>();
        try
        {
            foreach (var (upload, storedName) in stored)
            {
                var path = storage.PathOf(command.Country, storedName);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                long size;
                await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
                {
                    written.Add(path);
                    size = await CopyLimitedAsync(upload.Content, file, RecommendationStorage.MaxFileBytes, cancellationToken);
                }

                if (size < 0)
                {
                    return new Error("evidence", $"'{upload.FileName}' is larger than {RecommendationStorage.MaxFileBytes / (1024 * 1024)} MB");
                }

                update.Evidence.Add(new EvidenceFile
                {
                    ProgressUpdateId = update.Id,
                    CountryCode = command.Country,
                    Label = upload.FileName.Trim(),
                    StoredName = storedName,
                    ContentType = string.IsNullOrWhiteSpace(upload.ContentType) ? "application/octet-stream" : upload.ContentType,
                    Size = size,
                });
            }

            db.ProgressUpdates.Add(update);
            await db.SaveChangesAsync(cancellationToken);
            written.Clear();
        }
        finally
        {
            // A refused or failed update leaves no file behind.
            written.ForEach(File.Delete);
        }

        return new ProgressView(update.Id, update.On, update.Institution, update.Narrative, update.Links,
            update.Evidence.Select(e => new EvidenceView(e.Id, e.Label, e.ContentType, e.Size)).ToList(), update.RecordedBy, update.RecordedAt);
    }

    public async ValueTask<Result<IReadOnlyList<RecommendationView>>> Handle(SelectForFollowUp command, CancellationToken cancellationToken)
    {
        if (command.Ids.Count == 0)
        {
            return new Error("ids", "give the recommendations the committee selected for follow-up");
        }

        var recommendations = await db.Recommendations.Include(r => r.Tags)
            .Where(r => r.CountryCode == command.Country && command.Ids.Contains(r.Id)).ToListAsync(cancellationToken);
        var errors = new ErrorList();
        foreach (var missing in command.Ids.Except(recommendations.Select(r => r.Id)))
        {
            errors.Add(Error.NotFound("ids", $"no recommendation '{missing}' in {command.Country}"));
        }

        var cycles = (await sender.Send(new ListCycles(command.Country), cancellationToken)).Value.ToDictionary(c => c.Id!.Value);
        foreach (var recommendation in recommendations)
        {
            var deadline = command.Deadline;
            if (deadline is null)
            {
                var adopted = recommendation.CycleId is { } cycle && cycles.TryGetValue(cycle, out var c) ? c.ConcludingObservationsOn : null;
                var basis = adopted ?? recommendation.PublicationDate;
                var rule = bodies.Find(recommendation.Body)?.Rules.Find(RuleKeys.FollowUpDeadline);
                if (basis is null || rule is null)
                {
                    errors.Add("deadline", $"{recommendation.Symbol} {recommendation.Paragraph}: {(rule is null ? $"{recommendation.Body} has no follow-up rule" : "the date of the concluding observations is not known")}; give the deadline");
                    continue;
                }

                deadline = rule.AsPeriod().AddTo(basis.Value);
            }

            recommendation.FollowUp = true;
            recommendation.FollowUpDeadline = deadline;
        }

        if (errors.HasErrors)
        {
            return Result<IReadOnlyList<RecommendationView>>.Failure(errors.Errors);
        }

        await db.SaveChangesAsync(cancellationToken);
        return recommendations.Select(r => r.ToView()).ToList();
    }

    public async ValueTask<Result<(EvidenceView File, Stream Content)>> Handle(GetEvidence query, CancellationToken cancellationToken)
    {
        var recommendation = await FindAsync(query.Country, query.RecommendationId, cancellationToken, query.OnlyInstitution);
        var file = recommendation is null ? null : await db.EvidenceFiles.AsNoTracking()
            .Where(e => e.CountryCode == query.Country && e.Id == query.FileId && db.ProgressUpdates.Any(p => p.Id == e.ProgressUpdateId && p.RecommendationId == query.RecommendationId))
            .SingleOrDefaultAsync(cancellationToken);
        if (file is null || !File.Exists(storage.PathOf(query.Country, file.StoredName)))
        {
            return Error.NotFound("fileId", $"no evidence file '{query.FileId}' on this recommendation");
        }

        Stream content = new FileStream(storage.PathOf(query.Country, file.StoredName), FileMode.Open, FileAccess.Read, FileShare.Read);
        return (new EvidenceView(file.Id, file.Label, file.ContentType, file.Size), content);
    }

    private async Task<Recommendation?> FindAsync(string country, Guid id, CancellationToken cancellationToken, string? onlyInstitution = null) =>
        await QueryHandlers.Filtered(db, country, new RecommendationFilter(), onlyInstitution).Include(r => r.Tags).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    private async Task<HashSet<string>> InstitutionsAsync(string country, CancellationToken cancellationToken)
    {
        var institutions = await sender.Send(new ListInstitutions(country), cancellationToken);
        return institutions.IsSuccess ? institutions.Value.Select(i => i.Code!).ToHashSet(StringComparer.Ordinal) : [];
    }

    /// <summary>Copies at most <paramref name="limit"/> bytes; -1 when the source is longer.</summary>
    private static async Task<long> CopyLimitedAsync(Stream source, Stream destination, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        while (await source.ReadAsync(buffer, cancellationToken) is var read and > 0)
        {
            total += read;
            if (total > limit)
            {
                return -1;
            }

            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return total;
    }

    private static Error NotFound(string country, Guid id) => Error.NotFound("id", $"no recommendation '{id}' in {country} that you may see");
}
