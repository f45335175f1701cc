using System.CommandLine;
using System.Globalization;
using Mediator;
using Nmirf.BuildingBlocks.Countries;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.BuildingBlocks.Tenancy;
using Nmirf.BuildingBlocks.Text;
using Nmirf.Mandates.Contracts;
using Nmirf.Mandates.MandateFiles;

namespace Nmirf.Host.Cli;

/// <summary><c>nmirf mandate import|export|show</c>: a country's whole mandate as a YAML file.</summary>
internal static class MandateCommands
{
    public static Command Mandate(TextWriter stdout, TextWriter stderr) =>
        new("mandate", "A country's mandate: mechanism, institutions, focal points, ratifications.")
        {
            Import(stdout, stderr),
            Export(stdout, stderr),
            Show(stdout, stderr),
        };

    public static async Task WriteSummaryAsync(TextWriter stdout, MandateImportSummary summary)
    {
        var verb = summary.DryRun ? "would change" : "changed";
        await stdout.WriteLineAsync(summary.Changed
            ? $"{summary.Country}: {verb}:"
            : $"{summary.Country}: no changes");
        if (!summary.Changed)
        {
            return;
        }

        await Output.WriteTableAsync(
            stdout,
            ["RECORDS", "CREATED", "UPDATED", "DELETED", "UNCHANGED"],
            summary.Counts.Select(c => new[] { c.Kind, Number(c.Created), Number(c.Updated), Number(c.Deleted), Number(c.Unchanged) }));
    }

    private static Command Import(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<FileInfo>("file") { Description = "The mandate file (YAML), as written by `nmirf mandate export`." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would change and write nothing." };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON." };
        var import = new Command("import", "Make a country's stored mandate equal to the file: all or nothing; records missing from the file are deleted.")
        {
            file, dryRun, json,
        };
        import.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var path = parsed.GetValue(file)!;
            if (!path.Exists)
            {
                return await Output.FailAsync(stderr, path.ToString(), [new Error("", "no such file")]);
            }

            var yaml = await File.ReadAllTextAsync(path.FullName, token);
            var document = MandateYaml.Read(yaml);
            if (!document.IsSuccess)
            {
                return await Output.FailAsync(stderr, path.ToString(), document.Errors);
            }

            var result = await services.GetRequiredService<ISender>().Send(new ImportMandate(document.Value, parsed.GetValue(dryRun)), token);
            if (!result.IsSuccess)
            {
                return await Output.FailAsync(stderr, path.ToString(), MandateYaml.Locate(result.Errors, yaml));
            }

            if (parsed.GetValue(json))
            {
                await Output.WriteJsonAsync(stdout, result.Value);
            }
            else
            {
                await WriteSummaryAsync(stdout, result.Value);
            }

            return CliApp.Done;
        }, ct));
        return import;
    }

    private static Command Export(TextWriter stdout, TextWriter stderr)
    {
        var country = CountryArgument();
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of standard output." };
        var export = new Command("export", "Write a country's mandate as a YAML file that `nmirf mandate import` reads back.") { country, output };
        export.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var code = parsed.GetValue(country)!;
            var mandate = await GetMandateAsync(services, code, token);
            if (!mandate.IsSuccess)
            {
                return await Output.FailAsync(stderr, code, mandate.Errors);
            }

            var yaml = MandateYaml.Write(mandate.Value);
            if (parsed.GetValue(output) is { } target)
            {
                await File.WriteAllTextAsync(target.FullName, yaml, token);
                await stderr.WriteLineAsync($"Wrote the mandate of {code} to {target}.");
            }
            else
            {
                await stdout.WriteAsync(yaml);
            }

            return CliApp.Done;
        }, ct));
        return export;
    }

    private static Command Show(TextWriter stdout, TextWriter stderr)
    {
        var country = CountryArgument();
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var show = new Command("show", "Show a country's mechanism, institutions, focal points and ratifications.") { country, json };
        show.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var code = parsed.GetValue(country)!;
            var mandate = await GetMandateAsync(services, code, token);
            if (!mandate.IsSuccess)
            {
                return await Output.FailAsync(stderr, code, mandate.Errors);
            }

            if (parsed.GetValue(json))
            {
                await Output.WriteJsonAsync(stdout, mandate.Value);
            }
            else
            {
                await WriteMandateAsync(stdout, mandate.Value);
            }

            return CliApp.Done;
        }, ct));
        return show;
    }

    private static Argument<string> CountryArgument() =>
        new("country") { Description = "ISO 3166-1 alpha-3 code, such as MAR." };

    private static async Task<Result<MandateDocument>> GetMandateAsync(IServiceProvider services, string code, CancellationToken token)
    {
        if (CountryCodes.Problem(code) is { } problem)
        {
            return new Error("country", problem);
        }

        services.GetRequiredService<TenantContext>().Use(code);
        return await services.GetRequiredService<ISender>().Send(new GetMandate(code), token);
    }

    private static async Task WriteMandateAsync(TextWriter stdout, MandateDocument mandate)
    {
        var country = mandate.Country!;
        await stdout.WriteLineAsync($"{country.Name} ({country.Code}), working languages: {string.Join(", ", country.WorkingLanguages)}");
        await stdout.WriteLineAsync();
        if (mandate.Mechanism is { } mechanism)
        {
            await stdout.WriteLineAsync($"National mechanism: {mechanism.Name}{(mechanism.Acronym is null ? "" : $" ({mechanism.Acronym})")}");
            await stdout.WriteLineAsync($"  type: {Kebab(mechanism.Type)}");
            if (mechanism.LegalBasis is { } basis)
            {
                var parts = new[] { Kebab(basis.Kind), basis.Reference, basis.AdoptedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), basis.Url };
                await stdout.WriteLineAsync($"  legal basis: {string.Join(", ", parts.Where(p => !string.IsNullOrEmpty(p)))}");
            }

            await stdout.WriteLineAsync($"  capacities: {string.Join(", ", mechanism.Capacities.Select(c => Kebab<MechanismCapacity>(c)))}");
        }
        else
        {
            await stdout.WriteLineAsync("National mechanism: none recorded");
        }

        await stdout.WriteLineAsync();
        var focalPointsBy = mandate.FocalPoints.GroupBy(f => f.Institution!).ToDictionary(g => g.Key, g => g.Count());
        await stdout.WriteLineAsync($"Institutions ({mandate.Institutions.Count}):");
        await Output.WriteTableAsync(stdout, ["CODE", "NAME", "KIND", "ROLE", "FOCAL POINTS"],
            mandate.Institutions.Select(i => new[] { i.Code, i.Name, Kebab(i.Kind), Kebab(i.Role), Number(focalPointsBy.GetValueOrDefault(i.Code!)) }));
        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync($"Focal points ({mandate.FocalPoints.Count}):");
        await Output.WriteTableAsync(stdout, ["INSTITUTION", "NAME", "ROLE", "E-MAIL", "PHONE"],
            mandate.FocalPoints.Select(f => new[] { f.Institution, f.Name, Kebab(f.Role), f.Email, f.Phone }));
        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync($"Ratifications ({mandate.Ratifications.Count}):");
        await Output.WriteTableAsync(stdout, ["INSTRUMENT", "ACTION", "DATE", "IN FORCE", "SOURCE"],
            mandate.Ratifications.Select(r => new[]
            {
                r.Instrument, Kebab(r.Action), FormatDate(r.Date, r.DatePrecision), r.EntryIntoForce?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Source,
            }));
    }

    private static string? FormatDate(DateOnly? date, DatePrecision? precision) => date is not { } d ? null : precision switch
    {
        DatePrecision.Year => d.Year.ToString(CultureInfo.InvariantCulture),
        DatePrecision.Month => d.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Kebab<T>(T? value) where T : struct, Enum => value is { } v ? Names.Kebab(v) : null;
}
