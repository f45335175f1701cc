using Mediator;
using Microsoft.EntityFrameworkCore;
using Nmirf.BuildingBlocks.Bodies;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.BuildingBlocks.Tenancy;
using Nmirf.Drafting.Reports;
using Nmirf.Drafting.Storage;
using Nmirf.Drafting.Templates;
using Nmirf.Mandates.Countries;

namespace Nmirf.Drafting.Use;

/// <summary>The templates along the chain for a body (or every body), as a country sees them when <c>Country</c> is set.</summary>
public sealed record ListTemplates(string? Body = null, string? Country = null) : IQuery<Result<IReadOnlyList<TemplateInfo>>>;

/// <summary>The text of the template that applies, or of one source of the chain when <c>Origin</c> is set.</summary>
public sealed record ShowTemplate(string Name, string? Country = null, TemplateOrigin? Origin = null) : IQuery<Result<TemplateText>>;

/// <summary>
/// Checks a template without saving it: it must parse and render the sample report model within the limits.
/// <c>Name</c> (a template name such as <c>ccpr/periodic-report.fr.md</c>) picks the body whose structure and
/// partials the check uses; without it the shared partials and a neutral structure are used.
/// </summary>
public sealed record ValidateTemplate(string? Name, string Text, string? Country = null) : IQuery<Result<TemplateCheck>>;

/// <summary>Saves a country's own version of a template (validated first; nothing is saved when it fails).</summary>
public sealed record SaveTemplateOverride(string Country, string Name, string Text) : ICommand<Result<TemplateInfo>>;

/// <summary>Removes a country's own version; the next source of the chain applies again.</summary>
public sealed record DeleteTemplateOverride(string Country, string Name) : ICommand<Result<Unit>>;

/// <summary>What a template check found: the words the sample draft came to.</summary>
public sealed record TemplateCheck(string Name, int Characters, int SampleWords);

internal sealed class TemplateHandlers(DraftingDbContext db, TemplateStore store, TemplateSandbox sandbox, IBodyCatalog bodies, ISender sender, IActorContext actor, TimeProvider clock) :
    IQueryHandler<ListTemplates, Result<IReadOnlyList<TemplateInfo>>>,
    IQueryHandler<ShowTemplate, Result<TemplateText>>,
    IQueryHandler<ValidateTemplate, Result<TemplateCheck>>,
    ICommandHandler<SaveTemplateOverride, Result<TemplateInfo>>,
    ICommandHandler<DeleteTemplateOverride, Result<Unit>>
{
    public async ValueTask<Result<IReadOnlyList<TemplateInfo>>> Handle(ListTemplates query, CancellationToken cancellationToken)
    {
        if (query.Body is { } body && bodies.Find(body) is null)
        {
            return Error.NotFound("body", $"no loaded plugin '{body}'.");
        }

        return await store.ListAsync(query.Body, query.Country, cancellationToken);
    }

    public async ValueTask<Result<TemplateText>> Handle(ShowTemplate query, CancellationToken cancellationToken)
    {
        if (!TemplateName.TryParse(query.Name, out var name))
        {
            return new Error("name", $"'{query.Name}' is not {TemplateName.Expected}.");
        }

        var chain = await store.ChainAsync(name, query.Country, cancellationToken);
        var found = query.Origin is { } origin ? chain.FirstOrDefault(t => t.Origin == origin) : chain.FirstOrDefault();
        return found is null
            ? Error.NotFound("name", $"no template {name}{(query.Origin is null ? "" : $" from {query.Origin}")} in the chain (country, overrides, plugin, shared); nmirf templates list --body {name.Body} shows those there are.")
            : found;
    }

    public async ValueTask<Result<TemplateCheck>> Handle(ValidateTemplate query, CancellationToken cancellationToken)
    {
        TemplateName? name = null;
        if (query.Name is not null && !TemplateName.TryParse(query.Name, out name))
        {
            return new Error("name", $"'{query.Name}' is not {TemplateName.Expected}.");
        }

        return await CheckAsync(name, name?.ToString() ?? "template", query.Text, query.Country, cancellationToken);
    }

    public async ValueTask<Result<TemplateInfo>> Handle(SaveTemplateOverride command, CancellationToken cancellationToken)
    {
        var country = await sender.Send(new GetCountry(command.Country), cancellationToken);
        if (!country.IsSuccess)
        {
            return Result<TemplateInfo>.Failure(country.Errors);
        }

        if (!TemplateName.TryParse(command.Name, out var name))
        {
            return new Error("name", $"'{command.Name}' is not {TemplateName.Expected}.");
        }

        if (bodies.Find(name.Body) is null)
        {
            return Error.NotFound("name", $"no loaded plugin '{name.Body}'.");
        }

        var check = await CheckAsync(name, name.ToString(), command.Text, command.Country, cancellationToken);
        if (!check.IsSuccess)
        {
            return Result<TemplateInfo>.Failure(check.Errors);
        }

        var stored = await db.Templates.FirstOrDefaultAsync(t => t.CountryCode == command.Country && t.Name == name.ToString(), cancellationToken);
        if (stored is null)
        {
            stored = new StoredTemplate { Id = Guid.CreateVersion7(), CountryCode = command.Country, Name = name.ToString() };
            db.Templates.Add(stored);
        }

        stored.Text = command.Text;
        stored.Revision++;
        stored.SavedAt = clock.GetUtcNow();
        stored.SavedBy = actor.Actor;
        await db.SaveChangesAsync(cancellationToken);
        return (await store.ListAsync(name.Body, command.Country, cancellationToken)).First(t => t.Name == name.ToString());
    }

    public async ValueTask<Result<Unit>> Handle(DeleteTemplateOverride command, CancellationToken cancellationToken)
    {
        var stored = await db.Templates.FirstOrDefaultAsync(t => t.CountryCode == command.Country && t.Name == command.Name, cancellationToken);
        if (stored is null)
        {
            return Error.NotFound("name", $"{command.Country} has no version of its own of '{command.Name}'.");
        }

        db.Templates.Remove(stored);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private async Task<Result<TemplateCheck>> CheckAsync(TemplateName? name, string label, string text, string? country, CancellationToken cancellationToken)
    {
        var parsed = sandbox.Parse(label, text);
        if (!parsed.IsSuccess)
        {
            return Result<TemplateCheck>.Failure(parsed.Errors);
        }

        var body = name is null ? null : bodies.Find(name.Body)?.Descriptor;
        var kind = name is null ? "periodic-report" : name.Document;
        var language = name?.Language ?? "en";
        var model = SampleReport.Create(body, kind, language, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var includes = await store.IncludesAsync(name?.Body ?? "shared", country, cancellationToken);
        var rendered = await sandbox.RenderAsync(label, parsed.Value, ScriptModel.From(model), language, includes, cancellationToken);
        if (!rendered.IsSuccess)
        {
            return Result<TemplateCheck>.Failure(rendered.Errors);
        }

        var words = WordCount.WordCounter.Count(rendered.Value.Markdown);
        return new TemplateCheck(label, text.Length, words);
    }
}
