using Nmirf.Plugins.Abstractions;

namespace Nmirf.BuildingBlocks.Bodies;

/// <summary>
/// The international bodies the running host knows: one per loaded plugin, with the deployment's rule overrides
/// applied. Modules read bodies through this catalogue and never load plugins themselves.
/// </summary>
public interface IBodyCatalog
{
    /// <summary>The loaded bodies, by id.</summary>
    IReadOnlyList<Body> Bodies { get; }

    /// <summary>Every plugin folder found, loaded or not, with the reason when not.</summary>
    IReadOnlyList<PluginStatus> Plugins { get; }

    /// <summary>Problems with the rule-override file, if any (the file is then not applied at all).</summary>
    IReadOnlyList<string> OverrideProblems { get; }

    /// <summary>The body with <paramref name="id"/>, or null when no loaded plugin has that id.</summary>
    Body? Find(string id);
}

/// <summary>A loaded body: its plugin's descriptor, its rules with overrides applied, its workflows and the folder of its files.</summary>
public sealed record Body(
    BodyDescriptor Descriptor,
    ReportingRules Rules,
    IReadOnlyList<WorkflowTemplate> Workflows,
    string Folder,
    IReadOnlyList<string> OverriddenRules)
{
    public string Id => Descriptor.Id;
}

/// <summary>Whether a plugin found in the plugins folder was loaded.</summary>
public enum PluginState
{
    Loaded,
    Failed,
}

/// <summary>A plugin folder as the loader found it.</summary>
public sealed record PluginStatus(
    string Folder,
    string? Id,
    string? Name,
    string? Version,
    string? ContractVersion,
    PluginState State,
    string? Reason);

/// <summary>A fixed catalogue, for tests and tools that assemble bodies themselves.</summary>
public sealed class StaticBodyCatalog(IEnumerable<Body> bodies) : IBodyCatalog
{
    private readonly List<Body> _bodies = bodies.OrderBy(b => b.Id, StringComparer.Ordinal).ToList();

    public IReadOnlyList<Body> Bodies => _bodies;
    public IReadOnlyList<PluginStatus> Plugins => _bodies.Select(b => new PluginStatus(b.Folder, b.Id, b.Descriptor.Name, null, PluginContract.Version, PluginState.Loaded, null)).ToList();
    public IReadOnlyList<string> OverrideProblems => [];
    public Body? Find(string id) => _bodies.Find(b => b.Id == id);
}
