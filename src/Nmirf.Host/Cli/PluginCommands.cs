using System.CommandLine;
using Nmirf.BuildingBlocks.Bodies;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Host.Api;

namespace Nmirf.Host.Cli;

/// <summary><c>nmirf plugins list</c> and <c>nmirf plugins show &lt;id&gt;</c>.</summary>
internal static class PluginCommands
{
    public static Command Plugins(TextWriter stdout, TextWriter stderr)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var list = new Command("list", "Every plugin found in the plugins folder, its version and its state.") { json };
        list.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, _) =>
        {
            var catalog = services.GetRequiredService<IBodyCatalog>();
            var plugins = catalog.Plugins.Select(PluginEndpoints.View).ToList();
            if (parsed.GetValue(json))
            {
                await Output.WriteJsonAsync(stdout, plugins);
                return CliApp.Done;
            }

            await Output.WriteTableAsync(stdout, ["ID", "VERSION", "CONTRACT", "STATE", "NAME / REASON"],
                plugins.Select(p => new[] { p.Id ?? p.Folder, p.Version, p.ContractVersion, p.State, p.Reason ?? p.Name }));
            return CliApp.Done;
        }, ct, migrate: false));

        var id = new Argument<string>("id") { Description = "The plugin id, such as ccpr." };
        var showJson = new Option<bool>("--json") { Description = "Print JSON." };
        var show = new Command("show", "A body's descriptor, rules with their sources, symbol patterns and workflows.") { id, showJson };
        show.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, _) =>
        {
            var body = services.GetRequiredService<IBodyCatalog>().Find(parsed.GetValue(id)!);
            if (body is null)
            {
                return await Output.FailAsync(stderr, parsed.GetValue(id)!, [Error.NotFound("id", "no loaded plugin with this id; `nmirf plugins list` shows them")]);
            }

            var view = PluginEndpoints.View(body);
            if (parsed.GetValue(showJson))
            {
                await Output.WriteJsonAsync(stdout, view);
                return CliApp.Done;
            }

            var d = body.Descriptor;
            await stdout.WriteLineAsync($"{d.Name} ({d.Acronym}), plugin '{d.Id}'");
            await stdout.WriteLineAsync($"  monitors: {d.Treaty}");
            await stdout.WriteLineAsync($"  instruments: {string.Join(", ", d.Instruments.Select(i => i.Code))}");
            await stdout.WriteLineAsync($"  report structure ({d.Structure.Kind.ToString().ToLowerInvariant()}): {string.Join("; ", d.Structure.Parts.Select(p => p.Title))}");
            await stdout.WriteLineAsync();
            await Output.WriteTableAsync(stdout, ["RULE", "VALUE", "VERIFIED", "SOURCE"],
                view.Rules.Select(r => new[] { r.Key, r.Value, r.Overridden ? "override" : r.Verified ? "yes" : "NO", r.Source }));
            await stdout.WriteLineAsync();
            await Output.WriteTableAsync(stdout, ["DOCUMENT", "SYMBOL PATTERN", "VERIFIED"],
                body.Rules.Symbols.Select(s => new[] { Nmirf.Plugins.Abstractions.DocumentKinds.Kebab(s.Kind) + (s.Legacy ? " (legacy)" : ""), s.Pattern, s.Verified ? "yes" : "NO" }));
            return CliApp.Done;
        }, ct, migrate: false));

        return new Command("plugins", "Treaty-body plugins.") { list, show };
    }
}
