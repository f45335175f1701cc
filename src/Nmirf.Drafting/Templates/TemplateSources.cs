using Nmirf.BuildingBlocks.Bodies;

namespace Nmirf.Drafting.Templates;

/// <summary>Where a template came from, in the order they are searched.</summary>
public enum TemplateOrigin
{
    /// <summary>The country's own version, stored in the database.</summary>
    Country,

    /// <summary>The deployment's version, in <c>templates/overrides/&lt;body&gt;/</c>.</summary>
    Deployment,

    /// <summary>The body's plugin, in the plugin's <c>templates/</c> folder.</summary>
    Plugin,

    /// <summary>The shared templates, in <c>templates/shared/</c>, for bodies of any kind but a peer review.</summary>
    Shared,
}

/// <summary>A template's text with where it was found.</summary>
/// <param name="Name">The name asked for (a template name or an include name).</param>
/// <param name="Origin">Which source answered.</param>
/// <param name="Location">A file path, or <c>database</c> for a country's version.</param>
public sealed record TemplateText(string Name, TemplateOrigin Origin, string Location, string Text);

/// <summary>
/// The template folders on disk: the deployment's overrides, the shared folder and each plugin's own folder. Paths
/// are built from validated names only and checked to stay inside their root.
/// </summary>
internal sealed class TemplateFolders(DraftingSettings settings, IBodyCatalog bodies)
{
    public string Root => settings.TemplatesPath;

    public string OverridesFolder => Path.Combine(Root, "overrides");

    public string SharedFolder => Path.Combine(Root, "shared");

    public string? PluginFolder(string body) => bodies.Find(body) is { } b ? Path.Combine(b.Folder, "templates") : null;

    /// <summary>The file-system sources for a body, in search order (a peer review skips the shared document templates).</summary>
    public IEnumerable<(TemplateOrigin Origin, string Folder)> For(string body, bool documents)
    {
        yield return (TemplateOrigin.Deployment, Path.Combine(OverridesFolder, body));
        if (PluginFolder(body) is { } plugin)
        {
            yield return (TemplateOrigin.Plugin, plugin);
        }

        var peerReview = bodies.Find(body)?.Descriptor.Kind == Plugins.Abstractions.BodyKind.PeerReview;
        if (!documents || !peerReview)
        {
            yield return (TemplateOrigin.Shared, SharedFolder);
        }
    }

    /// <summary>The file <paramref name="relative"/> under <paramref name="folder"/>, or null when it does not exist or would leave the folder.</summary>
    public static string? Find(string folder, string relative)
    {
        var root = Path.GetFullPath(folder);
        var path = Path.GetFullPath(Path.Combine(root, relative));
        var inside = path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return inside && File.Exists(path) ? path : null;
    }
}
