using Microsoft.EntityFrameworkCore;
using Nmirf.BuildingBlocks.Bodies;

namespace Nmirf.Drafting.Templates;

/// <summary>One template as listed: its name, where it is found, and which sources it shadows.</summary>
public sealed record TemplateInfo(string Name, string Body, string Document, string Language, TemplateOrigin Origin, string Location, IReadOnlyList<TemplateOrigin> Shadows);

/// <summary>
/// Resolves templates and partials along the chain: the country's own version (database) → the deployment's
/// <c>templates/overrides/&lt;body&gt;/</c> → the plugin's <c>templates/</c> → <c>templates/shared/</c>.
/// </summary>
internal sealed class TemplateStore(DraftingDbContext db, TemplateFolders folders, IBodyCatalog bodies)
{
    /// <summary>The text of <paramref name="name"/> for <paramref name="country"/> (null: files only), or null.</summary>
    public async Task<TemplateText?> FindAsync(TemplateName name, string? country, CancellationToken cancellationToken) =>
        (await ChainAsync(name, country, cancellationToken)).FirstOrDefault();

    /// <summary>Every version of <paramref name="name"/> along the chain, the one that applies first.</summary>
    public async Task<List<TemplateText>> ChainAsync(TemplateName name, string? country, CancellationToken cancellationToken)
    {
        var found = new List<TemplateText>();
        if (country is not null && await db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.CountryCode == country && t.Name == name.ToString(), cancellationToken) is { } stored)
        {
            found.Add(new TemplateText(name.ToString(), TemplateOrigin.Country, $"database ({country}, revision {stored.Revision})", stored.Text));
        }

        foreach (var (origin, folder) in folders.For(name.Body, documents: true))
        {
            if (TemplateFolders.Find(folder, name.FileName) is { } path)
            {
                found.Add(new TemplateText(name.ToString(), origin, path, await File.ReadAllTextAsync(path, cancellationToken)));
            }
        }

        return found;
    }

    /// <summary>The partials a template of <paramref name="body"/> may include, resolved along the same chain; the country's are read once, up front.</summary>
    public async Task<IIncludeSource> IncludesAsync(string body, string? country, CancellationToken cancellationToken)
    {
        var stored = country is null
            ? []
            : await db.Templates.AsNoTracking().Where(t => t.CountryCode == country && !t.Name.Contains(".md")).ToDictionaryAsync(t => t.Name, t => t.Text, cancellationToken);
        return new ChainIncludes(stored, folders.For(body, documents: false).ToList());
    }

    /// <summary>Every template along the chain for <paramref name="body"/> (or every body), with what each shadows.</summary>
    public async Task<List<TemplateInfo>> ListAsync(string? body, string? country, CancellationToken cancellationToken)
    {
        var ids = body is null ? bodies.Bodies.Select(b => b.Id).ToList() : [body];
        var stored = country is null ? [] : await db.Templates.AsNoTracking().Where(t => t.CountryCode == country).Select(t => new { t.Name, t.Revision }).ToListAsync(cancellationToken);
        var result = new List<TemplateInfo>();
        foreach (var id in ids)
        {
            var seen = new Dictionary<string, (TemplateName Name, List<(TemplateOrigin Origin, string Location)> Sources)>(StringComparer.Ordinal);
            void Add(TemplateName name, TemplateOrigin origin, string location)
            {
                if (!seen.TryGetValue(name.ToString(), out var entry))
                {
                    entry = (name, []);
                    seen[name.ToString()] = entry;
                }

                entry.Sources.Add((origin, location));
            }

            foreach (var s in stored)
            {
                if (TemplateName.TryParse(s.Name, out var name) && name.Body == id)
                {
                    Add(name, TemplateOrigin.Country, $"database ({country}, revision {s.Revision})");
                }
            }

            foreach (var (origin, folder) in folders.For(id, documents: true))
            {
                if (!Directory.Exists(folder))
                {
                    continue;
                }

                foreach (var file in Directory.EnumerateFiles(folder, "*" + TemplateName.Extension, SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
                {
                    if (TemplateName.TryParse($"{id}/{Path.GetFileName(file)}", out var name))
                    {
                        Add(name, origin, file);
                    }
                }
            }

            result.AddRange(seen.Values.OrderBy(e => e.Name.Document, StringComparer.Ordinal).ThenBy(e => e.Name.Language, StringComparer.Ordinal)
                .Select(e => new TemplateInfo(e.Name.ToString(), e.Name.Body, e.Name.Document, e.Name.Language, e.Sources[0].Origin, e.Sources[0].Location, e.Sources.Skip(1).Select(s => s.Origin).ToList())));
        }

        return result;
    }

    private sealed class ChainIncludes(Dictionary<string, string> stored, List<(TemplateOrigin Origin, string Folder)> sources) : IIncludeSource
    {
        public TemplateText? Find(string name)
        {
            if (stored.TryGetValue(name, out var text))
            {
                return new TemplateText(name, TemplateOrigin.Country, "database", text);
            }

            foreach (var (origin, folder) in sources)
            {
                if (TemplateFolders.Find(folder, name + TemplateName.Extension) is { } path)
                {
                    return new TemplateText(name, origin, path, File.ReadAllText(path));
                }
            }

            return null;
        }
    }
}
