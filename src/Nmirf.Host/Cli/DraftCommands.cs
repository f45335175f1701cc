using System.CommandLine;
using System.Globalization;
using Mediator;
using Nmirf.BuildingBlocks.Countries;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.BuildingBlocks.Tenancy;
using Nmirf.Drafting.Templates;
using Nmirf.Drafting.Use;
using Nmirf.Drafting.WordCount;

namespace Nmirf.Host.Cli;

/// <summary><c>nmirf templates list|show|validate|override|reset</c> and <c>nmirf draft generate</c>.</summary>
internal static class DraftCommands
{
    private static Option<bool> Json() => new("--json") { Description = "Print JSON." };

    private static Option<string?> Country(bool required, string description = "ISO 3166-1 alpha-3 code, such as MAR.") => new("--country") { Description = description, Required = required };

    public static Command Templates(TextWriter stdout, TextWriter stderr)
    {
        var listBody = new Option<string?>("--body") { Description = "Only the templates of this body (plugin id, such as ccpr)." };
        var listCountry = Country(false, "Show the chain as this country sees it, with its own versions.");
        var listJson = Json();
        var list = new Command("list", "Report templates, with the source that applies (country, deployment overrides, plugin, shared) and the ones it shadows.") { listBody, listCountry, listJson };
        list.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var result = await services.GetRequiredService<ISender>().Send(new ListTemplates(parsed.GetValue(listBody), parsed.GetValue(listCountry)), token);
            if (!result.IsSuccess)
            {
                return await Output.FailAsync(stderr, "templates list", result.Errors);
            }

            if (parsed.GetValue(listJson))
            {
                await Output.WriteJsonAsync(stdout, result.Value);
                return CliApp.Done;
            }

            await Output.WriteTableAsync(stdout, ["NAME", "FROM", "SHADOWS"], result.Value.Select(t => new[]
            {
                t.Name, t.Origin.ToString().ToLowerInvariant(), string.Join(", ", t.Shadows.Select(s => s.ToString().ToLowerInvariant())),
            }));
            return CliApp.Done;
        }, ct));

        var showName = new Argument<string>("name") { Description = "A template name, such as ccpr/periodic-report.fr.md." };
        var showCountry = Country(false, "The template as this country's drafts use it (its own version first).");
        var showFrom = new Option<TemplateOrigin?>("--from") { Description = "One source of the chain: Country, Deployment, Plugin or Shared." };
        var show = new Command("show", "Print the text of the template that applies.") { showName, showCountry, showFrom };
        show.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var result = await services.GetRequiredService<ISender>().Send(new ShowTemplate(parsed.GetValue(showName)!, parsed.GetValue(showCountry), parsed.GetValue(showFrom)), token);
            if (!result.IsSuccess)
            {
                return await Output.FailAsync(stderr, parsed.GetValue(showName)!, result.Errors);
            }

            await stderr.WriteLineAsync($"# {result.Value.Name} from {result.Value.Origin.ToString().ToLowerInvariant()}: {result.Value.Location}");
            await stdout.WriteAsync(result.Value.Text);
            return CliApp.Done;
        }, ct));

        var validateFile = new Argument<FileInfo>("file") { Description = "A template file; named <document>.<lang>.md.scriban, it is tried with that body's structure." };
        var validateName = new Option<string?>("--name") { Description = "The template name it is meant for, such as ccpr/periodic-report.fr.md (else read from the file name and --body)." };
        var validateBody = new Option<string?>("--body") { Description = "The body the file is for, when the file name does not say." };
        var validateJson = Json();
        var validate = new Command("validate", "Check a template without saving it: it must parse and render a sample report within the limits.") { validateFile, validateName, validateBody, validateJson };
        validate.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var file = parsed.GetValue(validateFile)!;
            if (!file.Exists)
            {
                return await Output.FailAsync(stderr, file.FullName, [new Error("", "no such file")]);
            }

            var name = parsed.GetValue(validateName) ?? (parsed.GetValue(validateBody) is { } b ? $"{b}/{file.Name}" : null);
            var result = await services.GetRequiredService<ISender>().Send(new ValidateTemplate(name, await File.ReadAllTextAsync(file.FullName, token)), token);
            if (!result.IsSuccess)
            {
                return await Output.FailAsync(stderr, file.Name, result.Errors);
            }

            if (parsed.GetValue(validateJson))
            {
                await Output.WriteJsonAsync(stdout, result.Value);
            }
            else
            {
                await stdout.WriteLineAsync($"{file.Name}: valid; the sample report comes to {result.Value.SampleWords:N0} words.");
            }

            return CliApp.Done;
        }, ct));

        var overrideName = new Argument<string>("name") { Description = "The template it replaces for the country, such as ccpr/periodic-report.fr.md." };
        var overrideFile = new Argument<FileInfo>("file") { Description = "The country's version (Scriban)." };
        var overrideCountry = Country(true);
        var @override = new Command("override", "Save a country's own version of a template (validated first; nothing is saved when it fails).") { overrideName, overrideFile, overrideCountry };
        @override.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var file = parsed.GetValue(overrideFile)!;
            var code = parsed.GetValue(overrideCountry)!;
            if (!file.Exists)
            {
                return await Output.FailAsync(stderr, file.FullName, [new Error("", "no such file")]);
            }

            if (CountryCodes.Problem(code) is { } problem)
            {
                return await Output.FailAsync(stderr, "--country", [new Error("country", problem)]);
            }

            services.GetRequiredService<TenantContext>().Use(code);
            var result = await services.GetRequiredService<ISender>().Send(new SaveTemplateOverride(code, parsed.GetValue(overrideName)!, await File.ReadAllTextAsync(file.FullName, token)), token);
            if (!result.IsSuccess)
            {
                return await Output.FailAsync(stderr, file.Name, result.Errors);
            }

            await stdout.WriteLineAsync($"{result.Value.Name}: {code}'s own version saved ({result.Value.Location}); it now applies to {code}'s drafts.");
            return CliApp.Done;
        }, ct));

        var resetName = new Argument<string>("name") { Description = "A template the country has its own version of." };
        var resetCountry = Country(true);
        var reset = new Command("reset", "Remove a country's own version of a template; the next source of the chain applies again.") { resetName, resetCountry };
        reset.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var code = parsed.GetValue(resetCountry)!;
            services.GetRequiredService<TenantContext>().Use(code);
            var result = await services.GetRequiredService<ISender>().Send(new DeleteTemplateOverride(code, parsed.GetValue(resetName)!), token);
            if (!result.IsSuccess)
            {
                return await Output.FailAsync(stderr, parsed.GetValue(resetName)!, result.Errors);
            }

            await stdout.WriteLineAsync($"{parsed.GetValue(resetName)}: {code}'s own version removed.");
            return CliApp.Done;
        }, ct));

        return new Command("templates", "Report templates (Scriban) and the chain they are resolved along.") { list, show, validate, @override, reset };
    }

    public static Command Draft(TextWriter stdout, TextWriter stderr)
    {
        var country = Country(true);
        var body = new Option<string>("--body") { Description = "The body's plugin id, such as ccpr or upr.", Required = true };
        var document = new Option<string>("--document") { Description = "periodic-report, common-core-document, replies-to-list-of-issues, follow-up-information, upr-national-report, upr-mid-term-report, ...", Required = true };
        var cycle = new Option<Guid?>("--cycle") { Description = "A cycle run (nmirf cycle list) or a recorded reporting cycle; default: the running cycle, else the next report owed." };
        var language = new Option<string?>("--lang") { Description = "en, fr, es, pt...; default: the country's first working language that has a template." };
        var format = new Option<DraftFormat>("--format") { Description = "md, html or docx.", Required = true, CustomParser = r => Enum.TryParse<DraftFormat>(r.Tokens[0].Value, ignoreCase: true, out var f) && Enum.IsDefined(f) ? f : Fail(r) };
        var output = new Option<FileInfo>("--out") { Description = "The file to write.", Required = true };
        var json = Json();
        var generate = new Command("generate", "Generate a report draft from the template that applies, and check it against the body's word limit.") { country, body, document, cycle, language, format, output, json };
        generate.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var code = parsed.GetValue(country)!;
            if (CountryCodes.Problem(code) is { } problem)
            {
                return await Output.FailAsync(stderr, "--country", [new Error("country", problem)]);
            }

            services.GetRequiredService<TenantContext>().Use(code);
            var result = await services.GetRequiredService<ISender>().Send(
                new GenerateDraft(code, parsed.GetValue(body)!, parsed.GetValue(document)!, parsed.GetValue(format), parsed.GetValue(cycle), parsed.GetValue(language)), token);
            if (!result.IsSuccess)
            {
                return await Output.FailAsync(stderr, "draft generate", result.Errors);
            }

            var file = parsed.GetValue(output)!;
            if (file.Directory is { Exists: false } folder)
            {
                folder.Create();
            }

            await File.WriteAllBytesAsync(file.FullName, result.Value.Content, token);
            if (parsed.GetValue(json))
            {
                await Output.WriteJsonAsync(stdout, new { file = file.FullName, draft = result.Value });
                return CliApp.Done;
            }

            var d = result.Value;
            await stdout.WriteLineAsync($"{file.FullName}: {d.Title}{(d.Symbol is { } s ? $" ({s})" : "")}");
            await stdout.WriteLineAsync($"template {d.Template} from {d.TemplateOrigin.ToString().ToLowerInvariant()}; {d.Paragraphs} numbered paragraphs; {d.Recommendations} previous recommendations answered");
            await WriteWordCheckAsync(stdout, d.Words);
            return CliApp.Done;
        }, ct));

        var listCountry = Country(true);
        var listBody = new Option<string?>("--body") { Description = "Only the drafts of this body." };
        var listJson = Json();
        var list = new Command("list", "The drafts kept for a country: those its cycles' generate-draft steps made, newest first.") { listCountry, listBody, listJson };
        list.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var code = parsed.GetValue(listCountry)!;
            services.GetRequiredService<TenantContext>().Use(code);
            var result = await services.GetRequiredService<ISender>().Send(new ListDrafts(code, parsed.GetValue(listBody)), token);
            if (!result.IsSuccess)
            {
                return await Output.FailAsync(stderr, "draft list", result.Errors);
            }

            if (parsed.GetValue(listJson))
            {
                await Output.WriteJsonAsync(stdout, result.Value);
                return CliApp.Done;
            }

            await Output.WriteTableAsync(stdout, ["ID", "MADE", "BODY", "DOCUMENT", "WORDS", "FILE OR PROBLEM"], result.Value.Select(d => new[]
            {
                d.Id.ToString(), d.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), d.Body, d.Document,
                d.Words is { } w ? $"{w.ToString("N0", CultureInfo.InvariantCulture)}{(d.WordLimit is { } l ? "/" + l.ToString("N0", CultureInfo.InvariantCulture) : "")}" : "-",
                d.FileName ?? d.Error,
            }));
            return CliApp.Done;
        }, ct));

        var getId = new Argument<Guid>("id") { Description = "A kept draft's id (nmirf draft list)." };
        var getCountry = Country(true);
        var getOut = new Option<FileInfo>("--out") { Description = "The file to write.", Required = true };
        var get = new Command("get", "Write a kept draft to a file.") { getId, getCountry, getOut };
        get.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var code = parsed.GetValue(getCountry)!;
            services.GetRequiredService<TenantContext>().Use(code);
            var result = await services.GetRequiredService<ISender>().Send(new GetDraftFile(code, parsed.GetValue(getId)), token);
            if (!result.IsSuccess)
            {
                return await Output.FailAsync(stderr, "draft get", result.Errors);
            }

            var file = parsed.GetValue(getOut)!;
            await File.WriteAllBytesAsync(file.FullName, result.Value.Content, token);
            await stdout.WriteLineAsync($"{file.FullName}: {result.Value.FileName}");
            return CliApp.Done;
        }, ct));

        return new Command("draft", "Report drafts.") { generate, list, get };
    }

    private static DraftFormat Fail(System.CommandLine.Parsing.ArgumentResult result)
    {
        result.AddError($"'{result.Tokens[0].Value}' is not a draft format; use md, html or docx.");
        return default;
    }

    internal static async Task WriteWordCheckAsync(TextWriter stdout, WordCheck words)
    {
        var culture = CultureInfo.InvariantCulture;
        var limit = words.Limit is { } l
            ? words.OverLimit ? $"limit {l.ToString("N0", culture)}: OVER by {words.Excess.ToString("N0", culture)}" : $"limit {l.ToString("N0", culture)}: within ({(l - words.Counted).ToString("N0", culture)} to spare)"
            : "no word limit set for this document";
        await stdout.WriteLineAsync($"words: {words.Counted.ToString("N0", culture)} counted; {limit}");
        if (words.FootnoteWords > 0 || words.AnnexWords > 0)
        {
            await stdout.WriteLineAsync($"  footnotes {words.FootnoteWords.ToString("N0", culture)} ({(words.FootnotesCounted ? "counted" : "not counted")}), annexes {words.AnnexWords.ToString("N0", culture)} ({(words.AnnexesCounted ? "counted" : "not counted")})");
        }

        foreach (var section in words.LargestSections)
        {
            await stdout.WriteLineAsync($"  {section.Words.ToString("N0", culture),8}  {section.Heading}");
        }
    }
}
