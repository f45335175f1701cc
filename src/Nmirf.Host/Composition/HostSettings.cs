namespace Nmirf.Host.Composition;

/// <summary>What the command line says about configuration: it overrides appsettings.json and environment variables.</summary>
/// <param name="ConfigurationOverrides">Settings given on the command line.</param>
/// <param name="Urls">Where the server listens.</param>
/// <param name="Errors">Where a CLI verb writes warnings, such as plugins that did not load.</param>
internal sealed record HostSettings(IReadOnlyDictionary<string, string?> ConfigurationOverrides, string? Urls = null, TextWriter? Errors = null);
