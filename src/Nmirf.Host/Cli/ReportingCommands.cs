using System.CommandLine;
using System.Globalization;
using Mediator;
using Nmirf.BuildingBlocks.Countries;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.BuildingBlocks.Tenancy;
using Nmirf.Plugins.Abstractions;
using Nmirf.Reporting.Calendar;
using Nmirf.Reporting.Cycles;
using Nmirf.Reporting.Symbols;

namespace Nmirf.Host.Cli;

/// <summary><c>nmirf symbols parse|generate</c>, <c>nmirf calendar</c> and <c>nmirf cycles list</c>.</summary>
internal static class ReportingCommands
{
    public static Command Symbols(TextWriter stdout, TextWriter stderr)
    {
        var symbol = new Argument<string>("symbol") { Description = "A UN document symbol, such as CEDAW/C/MAR/CO/5-6." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var parse = new Command("parse", "Say what a UN document symbol names: body, country, document kind, report number or range.") { symbol, json };
        parse.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var text = parsed.GetValue(symbol)!;
            var result = await services.GetRequiredService<ISender>().Send(new ParseSymbol(text), token);
            if (!result.IsSuccess)
            {
                return await Output.FailAsync(stderr, text, result.Errors);
            }

            var s = result.Value;
            if (parsed.GetValue(json))
            {
                await Output.WriteJsonAsync(stdout, s);
                return CliApp.Done;
            }

            await stdout.WriteLineAsync($"symbol:   {s.Symbol}{(s.Legacy ? " (legacy: no country code)" : "")}");
            await stdout.WriteLineAsync($"body:     {s.Body ?? "all treaty bodies"}");
            await stdout.WriteLineAsync($"country:  {s.Country ?? "-"}");
            await stdout.WriteLineAsync($"document: {(s.Kind is { } kind ? DocumentKinds.Kebab(kind) : "not said by the symbol")}");
            if (s.Report is { } report)
            {
                await stdout.WriteLineAsync($"reports:  {(report.From == report.To ? report.From.ToString(CultureInfo.InvariantCulture) : $"{report.From} to {report.To}")}");
            }

            if (s.Session is { } session)
            {
                await stdout.WriteLineAsync($"session:  {session}");
            }

            await stdout.WriteLineAsync($"pattern:  {s.Pattern ?? "none (recognised by its prefix)"}{(s.PatternVerified ? "" : " (unverified)")}");
            return CliApp.Done;
        }, ct, migrate: false));

        var body = new Option<string?>("--body") { Description = "The plugin id, such as cedaw." };
        var kind = new Option<string>("--kind") { Description = "The document kind, such as concluding-observations.", Required = true };
        var country = new Option<string?>("--country") { Description = "ISO 3166-1 alpha-3 code." };
        var reportOption = new Option<string?>("--report") { Description = "Report number or range, such as 5-6." };
        var sessionOption = new Option<int?>("--session") { Description = "Session number, for the symbols that carry one." };
        var generate = new Command("generate", "Write the symbol of a document from the body's preferred pattern.") { body, kind, country, reportOption, sessionOption };
        generate.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var kindName = parsed.GetValue(kind)!;
            if (DocumentKinds.Parse(kindName) is not { } documentKind)
            {
                return await Output.FailAsync(stderr, "--kind", [new Error("", $"'{kindName}' is not a document kind; use one of {string.Join(", ", Enum.GetValues<DocumentKind>().Select(DocumentKinds.Kebab))}")]);
            }

            var result = await services.GetRequiredService<ISender>().Send(
                new GenerateSymbol(parsed.GetValue(body), documentKind, parsed.GetValue(country), parsed.GetValue(reportOption), parsed.GetValue(sessionOption)), token);
            if (!result.IsSuccess)
            {
                return await Output.FailAsync(stderr, "symbols generate", result.Errors);
            }

            await stdout.WriteLineAsync(result.Value);
            return CliApp.Done;
        }, ct, migrate: false));

        return new Command("symbols", "UN document symbols.") { parse, generate };
    }

    public static Command Calendar(TextWriter stdout, TextWriter stderr)
    {
        var country = new Argument<string>("country") { Description = "ISO 3166-1 alpha-3 code, such as MAR." };
        var format = new Option<string>("--format") { Description = "table (default), json or ics.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "ics");
        var calendar = new Command("calendar", "A country's reporting obligations: what is owed to which body, by when, and why.") { country, format };
        calendar.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var code = parsed.GetValue(country)!;
            if (CountryCodes.Problem(code) is { } problem)
            {
                return await Output.FailAsync(stderr, code, [new Error("country", problem)]);
            }

            services.GetRequiredService<TenantContext>().Use(code);
            var result = await services.GetRequiredService<ISender>().Send(new GetCalendar(code), token);
            if (!result.IsSuccess)
            {
                return await Output.FailAsync(stderr, code, result.Errors);
            }

            switch (parsed.GetValue(format))
            {
                case "json":
                    await Output.WriteJsonAsync(stdout, result.Value);
                    break;
                case "ics":
                    await stdout.WriteAsync(CalendarExport.ToICalendar(result.Value, services.GetRequiredService<TimeProvider>().GetUtcNow()));
                    break;
                default:
                    await Output.WriteTableAsync(stdout, ["DUE", "BODY", "DOCUMENT", "STATUS", "LATE", "WHY"],
                        result.Value.Obligations.Select(o => new[]
                        {
                            o.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (o.Estimated ? "~" : ""),
                            o.Body + (o.Instrument is { } i && i.Contains('-', StringComparison.Ordinal) ? $" ({i})" : ""),
                            CalendarExport.Describe(o),
                            o.Status.ToString().ToLowerInvariant(),
                            o.DaysOverdue is { } days ? $"{days} days" : "",
                            o.Rule,
                        }));
                    foreach (var note in result.Value.Notes)
                    {
                        await stdout.WriteLineAsync($"note: {note}");
                    }

                    await stdout.WriteLineAsync("~ estimated: an entry into force or a date known only to the year.");
                    break;
            }

            return CliApp.Done;
        }, ct));
        return calendar;
    }

    public static Command Cycles(TextWriter stdout, TextWriter stderr)
    {
        var country = new Argument<string>("country") { Description = "ISO 3166-1 alpha-3 code, such as MAR." };
        var body = new Option<string?>("--body") { Description = "Only this body's cycles." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var list = new Command("list", "The reporting cycles recorded for a country: reports, symbols, dialogues, concluding observations.") { country, body, json };
        list.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var code = parsed.GetValue(country)!;
            if (CountryCodes.Problem(code) is { } problem)
            {
                return await Output.FailAsync(stderr, code, [new Error("country", problem)]);
            }

            var result = await services.GetRequiredService<ISender>().Send(new ListCycles(code, parsed.GetValue(body)), token);
            if (!result.IsSuccess)
            {
                return await Output.FailAsync(stderr, code, result.Errors);
            }

            if (parsed.GetValue(json))
            {
                await Output.WriteJsonAsync(stdout, result.Value);
                return CliApp.Done;
            }

            static string? Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await Output.WriteTableAsync(stdout, ["BODY", "REPORT", "SYMBOL", "DIALOGUE", "CONCLUDING OBSERVATIONS", "NEXT DUE"],
                result.Value.Select(c => new[]
                {
                    c.Body + (c.Instrument is { } i && i.Contains('-', StringComparison.Ordinal) ? $" ({i})" : ""),
                    c.Report, c.Symbol, Day(c.DialogueOn),
                    string.Join(" ", new[] { c.ConcludingObservationsSymbol, Day(c.ConcludingObservationsOn) }.Where(x => x is not null)),
                    Day(c.NextDueOn),
                }));
            return CliApp.Done;
        }, ct));
        return new Command("cycles", "Reporting cycles: what happened in each review.") { list };
    }
}
