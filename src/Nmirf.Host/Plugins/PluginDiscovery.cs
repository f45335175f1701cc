using System.Reflection;
using McMaster.NETCore.Plugins;
using Nmirf.BuildingBlocks.Bodies;
using Nmirf.Plugins.Abstractions;

namespace Nmirf.Host.Plugins;

/// <summary>
/// Finds the plugins in the plugins folder (one sub-folder each), checks each manifest and contract version before
/// loading any code, then loads each plugin in its own load context sharing only the contract types. A plugin that
/// fails is skipped with the reason; the others load.
/// </summary>
internal static class PluginDiscovery
{
    private static readonly Type[] SharedTypes = [typeof(ITreatyBodyPlugin), typeof(IServiceCollection)];

    public sealed record LoadedPlugin(PluginManifest Manifest, ITreatyBodyPlugin Plugin, string Folder);

    public static (IReadOnlyList<LoadedPlugin> Loaded, IReadOnlyList<PluginStatus> Statuses) LoadAll(string pluginsFolder, IServiceCollection services)
    {
        var loaded = new List<LoadedPlugin>();
        var statuses = new List<PluginStatus>();
        if (!Directory.Exists(pluginsFolder))
        {
            return (loaded, statuses);
        }

        foreach (var folder in Directory.GetDirectories(pluginsFolder).Order(StringComparer.Ordinal))
        {
            var (manifest, error) = PluginManifest.Read(folder);
            if (manifest is null)
            {
                statuses.Add(new PluginStatus(folder, null, null, null, null, PluginState.Failed, error));
                continue;
            }

            PluginStatus Failed(string reason) =>
                new(folder, manifest.Id, manifest.Name, manifest.Version, manifest.ContractVersion, PluginState.Failed, reason);

            if (manifest.ContractProblem() is { } contractProblem)
            {
                statuses.Add(Failed(contractProblem));
                continue;
            }

            if (loaded.Find(p => p.Manifest.Id == manifest.Id) is { } duplicate)
            {
                statuses.Add(Failed($"duplicate id '{manifest.Id}': already loaded from {duplicate.Folder}"));
                continue;
            }

            var assemblyPath = Path.Combine(folder, manifest.EntryAssembly);
            if (!File.Exists(assemblyPath))
            {
                statuses.Add(Failed($"its entry assembly {manifest.EntryAssembly} is missing from {folder}"));
                continue;
            }

            var (plugin, problem) = Instantiate(assemblyPath, manifest);
            if (plugin is null)
            {
                statuses.Add(Failed(problem!));
                continue;
            }

            var pluginServices = new ServiceCollection();
            try
            {
                plugin.ConfigureServices(pluginServices);
            }
#pragma warning disable CA1031 // A plugin's own code may throw anything; the plugin is skipped, the host goes on.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                statuses.Add(Failed($"ConfigureServices threw {exception.GetType().Name}: {exception.Message}"));
                continue;
            }

            foreach (var service in pluginServices)
            {
                services.Add(service);
            }

            loaded.Add(new LoadedPlugin(manifest, plugin, folder));
            statuses.Add(new PluginStatus(folder, manifest.Id, manifest.Name, manifest.Version, manifest.ContractVersion, PluginState.Loaded, null));
        }

        return (loaded, statuses);
    }

    private static (ITreatyBodyPlugin? Plugin, string? Problem) Instantiate(string assemblyPath, PluginManifest manifest)
    {
        try
        {
            var loader = PluginLoader.CreateFromAssemblyFile(assemblyPath, SharedTypes, config => config.PreferSharedTypes = true);
            var assembly = loader.LoadDefaultAssembly();
            var candidates = assembly.GetTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ITreatyBodyPlugin).IsAssignableFrom(t))
                .ToList();
            switch (candidates.Count)
            {
                case 0:
                    return (null, $"{manifest.EntryAssembly} has no class implementing ITreatyBodyPlugin (built against another contract assembly?)");
                case > 1:
                    return (null, $"{manifest.EntryAssembly} has {candidates.Count} plugin classes ({string.Join(", ", candidates.Select(c => c.FullName))}); a plugin has exactly one");
            }

            if (candidates[0].GetConstructor(Type.EmptyTypes) is null)
            {
                return (null, $"{candidates[0].FullName} has no public parameterless constructor");
            }

            var plugin = (ITreatyBodyPlugin)Activator.CreateInstance(candidates[0])!;
            var descriptor = plugin.Descriptor;
            _ = plugin.Rules;
            _ = plugin.Workflows;
            if (descriptor.Id != manifest.Id)
            {
                return (null, $"its descriptor's id '{descriptor.Id}' differs from the id '{manifest.Id}' in {PluginManifest.FileName}");
            }

            return (plugin, null);
        }
        catch (ReflectionTypeLoadException exception)
        {
            var first = exception.LoaderExceptions.FirstOrDefault(e => e is not null)?.Message ?? exception.Message;
            return (null, $"{manifest.EntryAssembly} cannot be loaded: {first}");
        }
        catch (TargetInvocationException exception) when (exception.InnerException is { } inner)
        {
            return (null, $"its code threw {inner.GetType().Name}: {inner.Message}");
        }
#pragma warning disable CA1031 // Whatever a plugin's code throws, the plugin is skipped and the host starts.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return (null, $"its code threw {exception.GetType().Name}: {exception.Message}");
        }
    }
}
