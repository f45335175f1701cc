using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Drafting.Storage;
using Nmirf.Workflows.Engine;

namespace Nmirf.Drafting.Use;

/// <summary>A kept draft as listed (without its content).</summary>
public sealed record DraftSummary(Guid Id, string Country, string Body, string Document, string? Language, Guid? Run, string? FileName, string? Title, string? Symbol, int? Words, int? WordLimit, string? Error, DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>The drafts kept for a country (those its cycles' <c>generate-draft</c> steps asked for), newest first.</summary>
public sealed record ListDrafts(string Country, string? Body = null) : IQuery<Result<IReadOnlyList<DraftSummary>>>;

/// <summary>A kept draft's file.</summary>
public sealed record GetDraftFile(string Country, Guid Id) : IQuery<Result<DraftFile>>;

public sealed record DraftFile(string FileName, string ContentType, byte[] Content);

internal sealed class StoredDraftHandlers(DraftingDbContext db) :
    IQueryHandler<ListDrafts, Result<IReadOnlyList<DraftSummary>>>,
    IQueryHandler<GetDraftFile, Result<DraftFile>>
{
    public async ValueTask<Result<IReadOnlyList<DraftSummary>>> Handle(ListDrafts query, CancellationToken cancellationToken)
    {
        var drafts = db.Drafts.AsNoTracking().Where(d => d.CountryCode == query.Country);
        if (query.Body is { } body)
        {
            drafts = drafts.Where(d => d.Body == body);
        }

        var rows = await drafts
            .Select(d => new DraftSummary(d.Id, d.CountryCode, d.Body, d.Document, d.Language, d.RunId, d.FileName, d.Title, d.Symbol, d.Words, d.WordLimit, d.Error, d.CreatedAt, d.CreatedBy))
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(d => d.CreatedAt).ToList();
    }

    public async ValueTask<Result<DraftFile>> Handle(GetDraftFile query, CancellationToken cancellationToken)
    {
        var draft = await db.Drafts.AsNoTracking().FirstOrDefaultAsync(d => d.CountryCode == query.Country && d.Id == query.Id, cancellationToken);
        if (draft is null)
        {
            return Error.NotFound("id", $"no draft {query.Id} in {query.Country}.");
        }

        return draft.Content is null
            ? Error.NotFound("id", $"draft {query.Id} could not be made: {draft.Error}")
            : new DraftFile(draft.FileName!, draft.ContentType!, draft.Content);
    }
}

/// <summary>
/// What a cycle's <c>generate-draft</c> step does now that drafting is installed: the draft of the document, in the
/// country's working language, as DOCX, kept with the cycle run for drafters to download. A draft that cannot be made
/// is kept as a row with its reason, and the cycle moves on.
/// </summary>
internal sealed class WorkflowDrafts(DraftingDbContext db, ISender sender, TimeProvider clock, ILogger<WorkflowDrafts> logger) : IDraftRequester
{
    public async Task RequestAsync(CycleData data, string document, string requestKey, CancellationToken cancellationToken)
    {
        if (await db.Drafts.IgnoreQueryFilters().AnyAsync(d => d.RequestKey == requestKey, cancellationToken))
        {
            return;
        }

        var result = await sender.Send(new GenerateDraft(data.Country, data.Body, document, DraftFormat.Docx, data.RunId), cancellationToken);
        var draft = new StoredDraft
        {
            Id = Guid.CreateVersion7(),
            CountryCode = data.Country,
            Body = data.Body,
            Document = document,
            RunId = data.RunId,
            RequestKey = requestKey,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = "workflow",
        };
        if (result.IsSuccess)
        {
            var made = result.Value;
            draft.Language = made.Language;
            draft.FileName = made.FileName;
            draft.ContentType = made.ContentType;
            draft.Content = made.Content;
            draft.Title = made.Title;
            draft.Symbol = made.Symbol;
            draft.Words = made.Words.Counted;
            draft.WordLimit = made.Words.Limit;
            logger.LogInformation("Draft {File} made for run {Run}: {Words} words", made.FileName, data.RunId, made.Words.Counted);
        }
        else
        {
            draft.Error = string.Join("; ", result.Errors);
            logger.LogWarning("No draft of {Document} for run {Run}: {Error}", document, data.RunId, draft.Error);
        }

        db.Drafts.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
    }
}
