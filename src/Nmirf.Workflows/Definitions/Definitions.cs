using Mediator;
using Microsoft.EntityFrameworkCore;
using Nmirf.BuildingBlocks.Bodies;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.BuildingBlocks.Tenancy;
using Nmirf.Mandates.Institutions;
using Nmirf.Workflows.Contracts;
using Nmirf.Workflows.Model;

namespace Nmirf.Workflows.Definitions;

/// <summary>A stored definition (or a plugin default not stored yet) as listed.</summary>
public sealed record DefinitionSummary(string Id, int Version, string Name, string Body, string? Country, DefinitionState State, string Source, DateTimeOffset? PublishedAt);

/// <summary>A definition with its document.</summary>
public sealed record DefinitionDetail(DefinitionSummary Summary, WorkflowDocument Document, string Json);

/// <summary>Checks a definition without saving it; for a country's definition, also that its institutions exist.</summary>
public sealed record ValidateDefinition(string Json) : IQuery<Result<WorkflowDocument>>;

/// <summary>Stores a country's definition as a draft (replacing an earlier draft of the same version).</summary>
public sealed record ImportDefinition(string Json) : ICommand<Result<DefinitionSummary>>;

/// <summary>Publishes the latest draft (or <paramref name="Version"/>) of a country's definition: from then on it never changes.</summary>
public sealed record PublishDefinition(string Country, string Id, int? Version = null) : ICommand<Result<DefinitionSummary>>;

public sealed record ListDefinitions(string? Country = null, string? Body = null) : IQuery<Result<IReadOnlyList<DefinitionSummary>>>;

/// <summary>A country's definition, or with no country a plugin default.</summary>
public sealed record GetDefinition(string Id, string? Country = null, int? Version = null) : IQuery<Result<DefinitionDetail>>;

internal sealed class DefinitionHandlers(WorkflowsDbContext db, IBodyCatalog bodies, IActivityCatalog activities, ISender sender, IActorContext actor, TimeProvider clock) :
    IQueryHandler<ValidateDefinition, Result<WorkflowDocument>>,
    ICommandHandler<ImportDefinition, Result<DefinitionSummary>>,
    ICommandHandler<PublishDefinition, Result<DefinitionSummary>>,
    IQueryHandler<ListDefinitions, Result<IReadOnlyList<DefinitionSummary>>>,
    IQueryHandler<GetDefinition, Result<DefinitionDetail>>
{
    public async ValueTask<Result<WorkflowDocument>> Handle(ValidateDefinition query, CancellationToken cancellationToken) =>
        await CheckAsync(query.Json, cancellationToken);

    internal async Task<Result<WorkflowDocument>> CheckAsync(string json, CancellationToken cancellationToken)
    {
        var (document, errors) = DefinitionReader.Read(json, id => bodies.Find(id) is not null, activities);
        if (document is null)
        {
            return Result<WorkflowDocument>.Failure([.. errors.Select(ToError)]);
        }

        if (document.Country is not { } country)
        {
            return document;
        }

        // A country's definition names that country's institutions: check them against its mandate.
        var institutions = await sender.Send(new ListInstitutions(country), cancellationToken);
        if (!institutions.IsSuccess)
        {
            return Result<WorkflowDocument>.Failure([new Error("$.country", $"'{country}' has no mandate recorded: import the country's mandate first")]);
        }

        var codes = institutions.Value.Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        var unknown = document.AllSteps
            .Where(s => s.Assignees is not null)
            .SelectMany(s => s.Assignees!.Institutions.Where(c => !codes.Contains(c)).Select(c => new Error($"{s.Path}.assignees", $"(step '{s.Id}'): '{c}' is not an institution of {country}'s mandate")))
            .ToList();
        return unknown.Count > 0 ? Result<WorkflowDocument>.Failure(unknown) : document;
    }

    private static Error ToError(DefinitionError e) => new(e.Path, e.Step is null ? e.Message : $"(step '{e.Step}'): {e.Message}");

    public async ValueTask<Result<DefinitionSummary>> Handle(ImportDefinition command, CancellationToken cancellationToken)
    {
        var checkedDocument = await CheckAsync(command.Json, cancellationToken);
        if (!checkedDocument.IsSuccess)
        {
            return Result<DefinitionSummary>.Failure(checkedDocument.Errors);
        }

        var document = checkedDocument.Value;
        if (document.Country is not { } country)
        {
            return new Error("$.country", "missing: an imported workflow is a country's own (plugin defaults ship with their plugin)");
        }

        var versions = await db.Definitions.Where(d => d.Scope == country && d.DefinitionId == document.Id).ToListAsync(cancellationToken);
        var same = versions.FirstOrDefault(v => v.Version == document.Version);
        if (same is { State: DefinitionState.Published })
        {
            return Error.Conflict("$.version", $"version {document.Version} of '{document.Id}' is published and never changes: import it as version {versions.Max(v => v.Version) + 1}");
        }

        if (versions.Any(v => v.Body != document.Body))
        {
            return Error.Conflict("$.body", $"'{document.Id}' is a workflow for '{versions[0].Body}': a definition keeps its body across versions");
        }

        var now = clock.GetUtcNow();
        if (same is null)
        {
            same = new StoredDefinition { Scope = country, DefinitionId = document.Id, Version = document.Version };
            db.Definitions.Add(same);
        }

        same.Body = document.Body;
        same.Name = document.Name;
        same.Json = command.Json;
        same.State = DefinitionState.Draft;
        same.ImportedAt = now;
        same.ImportedBy = actor.Actor;
        await db.SaveChangesAsync(cancellationToken);
        return Summary(same);
    }

    public async ValueTask<Result<DefinitionSummary>> Handle(PublishDefinition command, CancellationToken cancellationToken)
    {
        var candidates = db.Definitions.Where(d => d.Scope == command.Country && d.DefinitionId == command.Id);
        var stored = command.Version is { } version
            ? await candidates.FirstOrDefaultAsync(d => d.Version == version, cancellationToken)
            : await candidates.Where(d => d.State == DefinitionState.Draft).OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            return Error.NotFound("id", command.Version is null
                ? $"no draft of workflow '{command.Id}' for {command.Country}: import one first"
                : $"no version {command.Version} of workflow '{command.Id}' for {command.Country}");
        }

        if (stored.State == DefinitionState.Published)
        {
            return Error.Conflict("version", $"version {stored.Version} of '{stored.DefinitionId}' is already published");
        }

        // The bodies or institutions may have changed since the import: check again before it becomes immutable.
        var recheck = await CheckAsync(stored.Json, cancellationToken);
        if (!recheck.IsSuccess)
        {
            return Result<DefinitionSummary>.Failure(recheck.Errors);
        }

        stored.State = DefinitionState.Published;
        stored.PublishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return Summary(stored);
    }

    public async ValueTask<Result<IReadOnlyList<DefinitionSummary>>> Handle(ListDefinitions query, CancellationToken cancellationToken)
    {
        var stored = await db.Definitions.AsNoTracking()
            .Where(d => d.Scope == StoredDefinition.PluginScope || query.Country == null || d.Scope == query.Country)
            .Where(d => query.Body == null || d.Body == query.Body)
            .ToListAsync(cancellationToken);
        var list = stored.Select(Summary).ToList();
        foreach (var body in bodies.Bodies.Where(b => query.Body is null || b.Id == query.Body))
        {
            foreach (var template in body.Workflows)
            {
                var (document, _) = DefinitionReader.Read(template.Json, id => bodies.Find(id) is not null, activities);
                if (document is not null && !list.Any(s => s.Country is null && s.Id == document.Id && s.Version == document.Version))
                {
                    list.Add(new DefinitionSummary(document.Id, document.Version, document.Name, document.Body, null, DefinitionState.Published, "plugin " + body.Id, null));
                }
            }
        }

        return list.OrderBy(s => s.Body, StringComparer.Ordinal).ThenBy(s => s.Country ?? "", StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal).ThenBy(s => s.Version).ToList();
    }

    public async ValueTask<Result<DefinitionDetail>> Handle(GetDefinition query, CancellationToken cancellationToken)
    {
        var scope = query.Country ?? StoredDefinition.PluginScope;
        var stored = await db.Definitions.AsNoTracking()
            .Where(d => d.Scope == scope && d.DefinitionId == query.Id && (query.Version == null || d.Version == query.Version))
            .OrderByDescending(d => d.Version)
            .FirstOrDefaultAsync(cancellationToken);
        string json;
        DefinitionSummary summary;
        if (stored is not null)
        {
            json = stored.Json;
            summary = Summary(stored);
        }
        else if (query.Country is null && PluginDefault(query.Id, query.Version) is { } template)
        {
            json = template.Json;
            summary = new DefinitionSummary(template.Document.Id, template.Document.Version, template.Document.Name, template.Document.Body, null, DefinitionState.Published, "plugin " + template.Document.Body, null);
        }
        else
        {
            return Error.NotFound("id", $"no workflow '{query.Id}'{(query.Version is null ? "" : $" version {query.Version}")}{(query.Country is null ? " among the plugin defaults" : " for " + query.Country)}");
        }

        var (document, errors) = DefinitionReader.Read(json, _ => true, activities);
        return document is null
            ? new Error("id", "the stored definition no longer reads: " + string.Join("; ", errors))
            : new DefinitionDetail(summary, document, json);
    }

    private (WorkflowDocument Document, string Json)? PluginDefault(string id, int? version)
    {
        foreach (var template in bodies.Bodies.SelectMany(b => b.Workflows))
        {
            var (document, _) = DefinitionReader.Read(template.Json, body => bodies.Find(body) is not null, activities);
            if (document is not null && document.Id == id && (version is null || document.Version == version))
            {
                return (document, template.Json);
            }
        }

        return null;
    }

    internal static DefinitionSummary Summary(StoredDefinition d) =>
        new(d.DefinitionId, d.Version, d.Name, d.Body, d.Scope == StoredDefinition.PluginScope ? null : d.Scope, d.State, d.Scope == StoredDefinition.PluginScope ? "plugin " + d.Body : "imported by " + d.ImportedBy, d.PublishedAt);
}
