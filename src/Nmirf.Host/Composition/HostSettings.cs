namespace Nmirf.Host.Composition;

/// <summary>What the command line says about configuration: it overrides appsettings.json and environment variables.</summary>
internal sealed record HostSettings(IReadOnlyDictionary<string, string?> ConfigurationOverrides, string? Urls = null);
