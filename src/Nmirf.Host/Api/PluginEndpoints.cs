using Nmirf.BuildingBlocks.Bodies;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Host.Security;
using Nmirf.Plugins.Abstractions;

namespace Nmirf.Host.Api;

/// <summary><c>GET /plugins</c> and the loaded bodies' descriptors and rules.</summary>
internal static class PluginEndpoints
{
    /// <summary>A plugin as listed: where it was found, what it says it is, and whether it loaded.</summary>
    public sealed record PluginView(string Folder, string? Id, string? Name, string? Version, string? ContractVersion, string State, string? Reason);

    /// <summary>A loaded body with its rules and where each comes from.</summary>
    public sealed record BodyView(BodyDescriptor Descriptor, IReadOnlyList<RuleView> Rules, IReadOnlyList<SymbolPattern> Symbols, IReadOnlyList<ReviewCycle> Cycles, IReadOnlyList<string> Workflows);

    public sealed record RuleView(string Key, string Type, string Value, string Source, bool Verified, bool Overridden);

    public static PluginView View(PluginStatus status) => new(
        Path.GetFileName(status.Folder), status.Id, status.Name, status.Version, status.ContractVersion,
        status.State == PluginState.Loaded ? "loaded" : "failed", status.Reason);

    public static BodyView View(Body body) => new(
        body.Descriptor,
        body.Rules.All.Select(r => new RuleView(r.Key, r.Type.ToString().ToLowerInvariant(), r.Value, r.Source, r.Verified, body.OverriddenRules.Contains(r.Key))).ToList(),
        body.Rules.Symbols,
        body.Rules.Cycles,
        body.Workflows.Select(w => w.Id).ToList());

    public static void MapPluginEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/plugins", (IBodyCatalog catalog) => TypedResults.Ok(new
            {
                Plugins = catalog.Plugins.Select(View).ToList(),
                catalog.OverrideProblems,
            }))
            .RequireSignedIn().WithTags("Plugins").WithSummary("Every plugin found, its version and its state (loaded, or why not).");
        app.MapGet("/bodies", (IBodyCatalog catalog) => TypedResults.Ok(catalog.Bodies.Select(b => b.Descriptor).ToList()))
            .RequireSignedIn().WithTags("Plugins").WithSummary("The bodies of the loaded plugins.");
        app.MapGet("/bodies/{id}", (string id, IBodyCatalog catalog) => catalog.Find(id) is { } body
                ? Results.Ok(View(body))
                : ApiResults.Problem([Error.NotFound("id", $"no loaded plugin '{id}'")], ErrorKind.NotFound))
            .RequireSignedIn().WithTags("Plugins").WithSummary("A body's descriptor, rules (with sources and overrides), symbol patterns and workflows.");
    }
}
