using Microsoft.Extensions.DependencyInjection;
using Nmirf.BuildingBlocks.Bodies;
using Nmirf.Host.Plugins;

namespace Nmirf.Reporting.Tests;

/// <summary>The ten plugins as the build stages them beside the tests, loaded by the host's real loader.</summary>
internal static class StagedPlugins
{
    public static IBodyCatalog Catalog { get; } = PluginCatalog.Load(Path.Combine(AppContext.BaseDirectory, "plugins"), null, new ServiceCollection());

    public static Body Body(string id) => Catalog.Find(id) ?? throw new InvalidOperationException($"plugin '{id}' is not staged: " + string.Join("; ", Catalog.Plugins.Select(p => $"{p.Id} {p.State} {p.Reason}")));
}
