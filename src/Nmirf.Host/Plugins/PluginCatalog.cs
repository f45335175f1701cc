using Nmirf.BuildingBlocks.Bodies;

namespace Nmirf.Host.Plugins;

/// <summary>The catalogue of the running host: the plugins found at start-up, with the deployment's rule overrides.</summary>
internal sealed class PluginCatalog : IBodyCatalog
{
    public const string DefaultFolder = "plugins";

    private PluginCatalog(IReadOnlyList<Body> bodies, IReadOnlyList<PluginStatus> plugins, IReadOnlyList<string> overrideProblems)
    {
        Bodies = bodies;
        Plugins = plugins;
        OverrideProblems = overrideProblems;
    }

    public IReadOnlyList<Body> Bodies { get; }
    public IReadOnlyList<PluginStatus> Plugins { get; }
    public IReadOnlyList<string> OverrideProblems { get; }

    public Body? Find(string id) => Bodies.FirstOrDefault(b => b.Id == id);

    /// <summary>Loads the plugins of <paramref name="folder"/>, registers their services, and applies <paramref name="overridesFile"/> when given.</summary>
    public static PluginCatalog Load(string folder, string? overridesFile, IServiceCollection services)
    {
        var (loaded, statuses) = PluginDiscovery.LoadAll(folder, services);
        var rules = loaded.ToDictionary(p => p.Manifest.Id, p => p.Plugin.Rules, StringComparer.Ordinal);
        var (overrides, problems) = overridesFile is null ? ([], []) : RuleOverrides.Read(overridesFile, rules);
        var bodies = loaded
            .Select(p =>
            {
                var mine = overrides.Where(o => o.Body == p.Manifest.Id).Select(o => o.Rule).ToList();
                return new Body(p.Plugin.Descriptor, mine.Count == 0 ? p.Plugin.Rules : p.Plugin.Rules.With(mine), p.Plugin.Workflows, p.Folder, mine.Select(r => r.Key).ToList());
            })
            .OrderBy(b => b.Id, StringComparer.Ordinal)
            .ToList();
        return new PluginCatalog(bodies, statuses, problems);
    }

    /// <summary>One line per plugin that did not load, and per problem of the override file.</summary>
    public static IEnumerable<string> Problems(IBodyCatalog catalog) =>
        catalog.Plugins.Where(p => p.State == PluginState.Failed).Select(p => $"Plugin {p.Id ?? Path.GetFileName(p.Folder)} skipped: {p.Reason}")
            .Concat(catalog.OverrideProblems.Select(p => $"Rule overrides not applied: {p}"));

    /// <summary>Logs the <see cref="Problems"/> as warnings.</summary>
    public static void LogProblems(IBodyCatalog catalog, ILogger logger)
    {
        foreach (var problem in Problems(catalog))
        {
            logger.LogWarning("{Problem}", problem);
        }
    }
}
