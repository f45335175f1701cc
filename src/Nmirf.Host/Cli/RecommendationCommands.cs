using System.CommandLine;
using Mediator;
using Nmirf.BuildingBlocks.Countries;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.BuildingBlocks.Tenancy;
using Nmirf.BuildingBlocks.Text;
using Nmirf.Recommendations.Contracts;
using Nmirf.Recommendations.Export;
using Nmirf.Recommendations.Importing;
using Nmirf.Recommendations.Use;

namespace Nmirf.Host.Cli;

/// <summary><c>nmirf recommendations import|list|show|summary|assign|status|progress|follow-up|export</c>.</summary>
internal static class RecommendationCommands
{
    public static Command Recommendations(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("recommendations", "Recommendations of the UN mechanisms: import, follow, export.");
        command.Subcommands.Add(Import(stdout, stderr));
        command.Subcommands.Add(List(stdout, stderr));
        command.Subcommands.Add(Show(stdout, stderr));
        command.Subcommands.Add(Summary(stdout, stderr));
        command.Subcommands.Add(Assign(stdout, stderr));
        command.Subcommands.Add(Status(stdout, stderr));
        command.Subcommands.Add(Progress(stdout, stderr));
        command.Subcommands.Add(FollowUp(stdout, stderr));
        command.Subcommands.Add(Export(stdout, stderr));
        command.Subcommands.Add(Cluster(stdout, stderr));
        return command;
    }

    private static Option<string> Country() => new("--country") { Description = "ISO 3166-1 alpha-3 code, such as MAR.", Required = true };

    private static Option<bool> Json() => new("--json") { Description = "Print JSON." };

    private static Command Import(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<FileInfo>("file") { Description = "The file: UHRI JSON, xlsx or CSV; UPR Info CSV; UPR matrix; or concluding observations as text." };
        var country = Country();
        var format = new Option<string>("--format") { Description = $"auto (default) or one of {string.Join(", ", RecommendationFormatNames.All)}.", DefaultValueFactory = _ => "auto" };
        format.AcceptOnlyFromAmong(["auto", .. RecommendationFormatNames.All]);
        var symbol = new Option<string?>("--symbol") { Description = "The document symbol, for pasted concluding observations (co-text)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would change and write nothing." };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Import the valid records and list the invalid ones (otherwise one invalid record changes nothing)." };
        var allCountries = new Option<bool>("--all-countries") { Description = "Import each row of a multi-country file into its own country (those that exist here)." };
        var json = Json();
        var import = new Command("import", "Import recommendations; importing the same file again changes nothing, an edited one updates in place.")
        {
            file, country, format, symbol, dryRun, skipInvalid, allCountries, json,
        };
        import.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var path = parsed.GetValue(file)!;
            if (!path.Exists)
            {
                return await Output.FailAsync(stderr, path.ToString(), [new Error("", "no such file")]);
            }

            var code = parsed.GetValue(country)!;
            var formatName = parsed.GetValue(format)!;
            var interactive = !Console.IsErrorRedirected && ReferenceEquals(stderr, Console.Error);
            var progress = interactive ? new Progress<int>(read => Console.Error.Write($"\rread {read:N0} records")) : null;
            await using var stream = path.OpenRead();
            var result = await services.GetRequiredService<ISender>().Send(new ImportRecommendations(
                code, stream, path.Name, formatName == "auto" ? null : RecommendationFormatNames.Parse(formatName), parsed.GetValue(symbol),
                parsed.GetValue(dryRun), parsed.GetValue(skipInvalid), parsed.GetValue(allCountries), progress), token);
            if (interactive)
            {
                await Console.Error.WriteLineAsync();
            }

            if (!result.IsSuccess)
            {
                await Output.FailAsync(stderr, path.ToString(), result.Errors);
                await stderr.WriteLineAsync("Nothing was written. Fix the file, or use --skip-invalid to import the valid records.");
                return CliApp.InvalidInput;
            }

            var s = result.Value;
            if (parsed.GetValue(json))
            {
                await Output.WriteJsonAsync(stdout, s);
                return CliApp.Done;
            }

            await stdout.WriteLineAsync($"{s.FileName} ({RecommendationFormatNames.NameOf(s.Format)}) into {s.Country}{(s.DryRun ? " (dry run: nothing written)" : "")}:");
            await stdout.WriteLineAsync($"  read {s.Read}, created {s.Created}, updated {s.Updated}, unchanged {s.Unchanged}, other countries {s.OtherCountries}, skipped {s.Skipped.Count}");
            foreach (var problem in s.Skipped)
            {
                await stdout.WriteLineAsync($"  skipped: {problem}");
            }

            return CliApp.Done;
        }, ct));
        return import;
    }

    private static (Option<string?> Body, Option<string?> Symbol, Option<int?> Cycle, Option<string?> Theme, Option<string?> Sdg, Option<string?> Affected,
        Option<string?> State, Option<string?> Response, Option<string?> Status, Option<string?> Institution, Option<bool?> FollowUp, Option<string?> Query, Option<string?> Cluster) Filters() =>
    (
        new("--body") { Description = "Plugin id, such as cedaw." },
        new("--symbol") { Description = "Document symbol." },
        new("--cycle") { Description = "UPR cycle." },
        new("--theme") { Description = "Theme." },
        new("--sdg") { Description = "SDG goal (16) or target (16.2)." },
        new("--affected") { Description = "Affected persons." },
        new("--state") { Description = "Recommending state (UPR)." },
        new("--response") { Description = "UPR response: supported, supported-in-part, noted, pending." },
        new("--status") { Description = "Implementation status, such as in-progress." },
        new("--institution") { Description = "Lead or supporting institution." },
        new("--follow-up") { Description = "Only those selected for follow-up (true) or not (false)." },
        new("--search") { Description = "Words that must all appear in the text." },
        new("--cluster") { Description = "The code of a cluster." }
    );

    private static RecommendationFilter Filter(ParseResult parsed, (Option<string?> Body, Option<string?> Symbol, Option<int?> Cycle, Option<string?> Theme, Option<string?> Sdg, Option<string?> Affected,
        Option<string?> State, Option<string?> Response, Option<string?> Status, Option<string?> Institution, Option<bool?> FollowUp, Option<string?> Query, Option<string?> Cluster) f, ErrorList errors) => new()
    {
        Body = parsed.GetValue(f.Body),
        Symbol = parsed.GetValue(f.Symbol),
        UprCycle = parsed.GetValue(f.Cycle),
        Theme = parsed.GetValue(f.Theme),
        Sdg = parsed.GetValue(f.Sdg),
        AffectedPersons = parsed.GetValue(f.Affected),
        RecommendingState = parsed.GetValue(f.State),
        Response = Enumeration<UprResponse>(parsed.GetValue(f.Response), "--response", errors),
        Status = Enumeration<ImplementationStatus>(parsed.GetValue(f.Status), "--status", errors),
        Institution = parsed.GetValue(f.Institution),
        FollowUp = parsed.GetValue(f.FollowUp),
        Query = parsed.GetValue(f.Query),
        Cluster = parsed.GetValue(f.Cluster),
    };

    private static void AddFilters(Command command, (Option<string?> Body, Option<string?> Symbol, Option<int?> Cycle, Option<string?> Theme, Option<string?> Sdg, Option<string?> Affected,
        Option<string?> State, Option<string?> Response, Option<string?> Status, Option<string?> Institution, Option<bool?> FollowUp, Option<string?> Query, Option<string?> Cluster) f)
    {
        foreach (var option in new Option[] { f.Body, f.Symbol, f.Cycle, f.Theme, f.Sdg, f.Affected, f.State, f.Response, f.Status, f.Institution, f.FollowUp, f.Query, f.Cluster })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>An enumeration value as the CLI spells it (kebab case, such as <c>partially-implemented</c>).</summary>
    internal static T? Enumeration<T>(string? value, string option, ErrorList errors) where T : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        var match = Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => string.Equals(Names.Kebab(v!.Value), value, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            errors.Add(option, $"'{value}' is not one of {Names.AllOf<T>()}");
        }

        return match;
    }

    private static Command List(TextWriter stdout, TextWriter stderr)
    {
        var country = Country();
        var page = new Option<int>("--page") { Description = "Page number, from 1.", DefaultValueFactory = _ => 1 };
        var size = new Option<int>("--page-size") { Description = $"Items per page (up to {QueryHandlers.MaxPageSize}).", DefaultValueFactory = _ => 50 };
        var json = Json();
        var filters = Filters();
        var list = new Command("list", "A page of a country's recommendations, filtered.") { country, page, size, json };
        AddFilters(list, filters);
        list.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var errors = new ErrorList();
            var filter = Filter(parsed, filters, errors);
            if (errors.HasErrors)
            {
                return await Output.FailAsync(stderr, "recommendations list", errors.Errors);
            }

            var result = await services.GetRequiredService<ISender>().Send(new ListRecommendations(parsed.GetValue(country)!, filter, parsed.GetValue(page), parsed.GetValue(size)), token);
            if (!result.IsSuccess)
            {
                return await Output.FailAsync(stderr, "recommendations list", result.Errors);
            }

            if (parsed.GetValue(json))
            {
                await Output.WriteJsonAsync(stdout, result.Value);
                return CliApp.Done;
            }

            await Output.WriteTableAsync(stdout, ["ID", "SYMBOL", "PARA", "STATUS", "LEAD", "TEXT"], result.Value.Items.Select(r => new[]
            {
                r.Id.ToString(), r.Symbol, r.Paragraph, Kebab(r.Status.ToString()), r.LeadInstitution, r.Text.Length > 70 ? r.Text[..67] + "..." : r.Text,
            }));
            await stdout.WriteLineAsync($"page {result.Value.PageNumber} of {Math.Max(1, (result.Value.Total + result.Value.PageSize - 1) / result.Value.PageSize)}; {result.Value.Total} recommendations");
            return CliApp.Done;
        }, ct));
        return list;
    }

    private static Command Show(TextWriter stdout, TextWriter stderr)
    {
        var id = new Argument<Guid>("id") { Description = "The recommendation's id." };
        var country = Country();
        var json = Json();
        var show = new Command("show", "A recommendation with its assignment, status history and progress.") { id, country, json };
        show.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var result = await services.GetRequiredService<ISender>().Send(new GetRecommendation(parsed.GetValue(country)!, parsed.GetValue(id)), token);
            if (!result.IsSuccess)
            {
                return await Output.FailAsync(stderr, "recommendations show", result.Errors);
            }

            if (parsed.GetValue(json))
            {
                await Output.WriteJsonAsync(stdout, result.Value);
                return CliApp.Done;
            }

            var r = result.Value.Recommendation;
            await stdout.WriteLineAsync($"{r.Symbol} para. {r.Paragraph} ({r.Body}, {Kebab(r.Type.ToString())}{(r.Response is { } response ? $", {Kebab(response.ToString())}" : "")})");
            await stdout.WriteLineAsync(r.Text);
            await stdout.WriteLineAsync($"status: {Kebab(r.Status.ToString())}; lead: {r.LeadInstitution ?? "-"}; supporting: {string.Join(", ", r.SupportingInstitutions)}");
            await stdout.WriteLineAsync($"themes: {string.Join("; ", r.Themes)}; SDGs: {string.Join(", ", r.SdgGoals.Concat(r.SdgTargets))}");
            if (r.FollowUp)
            {
                await stdout.WriteLineAsync($"selected for follow-up; due {r.FollowUpDeadline:yyyy-MM-dd}");
            }

            foreach (var change in result.Value.StatusHistory)
            {
                await stdout.WriteLineAsync($"{change.On:yyyy-MM-dd} status {Kebab(change.From.ToString())} -> {Kebab(change.To.ToString())} ({change.Institution}; {change.RecordedBy}): {change.Reason}");
            }

            foreach (var progress in result.Value.Progress)
            {
                await stdout.WriteLineAsync($"{progress.On:yyyy-MM-dd} progress by {progress.Institution}: {progress.Narrative} [{progress.Evidence.Count} file(s), {progress.Links.Count} link(s)]");
            }

            return CliApp.Done;
        }, ct));
        return show;
    }

    private static Command Summary(TextWriter stdout, TextWriter stderr)
    {
        var country = Country();
        var json = Json();
        var filters = Filters();
        var summary = new Command("summary", "Counts by status, institution, body and SDG goal.") { country, json };
        AddFilters(summary, filters);
        summary.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var errors = new ErrorList();
            var filter = Filter(parsed, filters, errors);
            var result = errors.HasErrors
                ? Result<RecommendationSummary>.Failure(errors.Errors)
                : await services.GetRequiredService<ISender>().Send(new SummarizeRecommendations(parsed.GetValue(country)!, filter), token);
            if (!result.IsSuccess)
            {
                return await Output.FailAsync(stderr, "recommendations summary", result.Errors);
            }

            if (parsed.GetValue(json))
            {
                await Output.WriteJsonAsync(stdout, result.Value);
                return CliApp.Done;
            }

            await stdout.WriteLineAsync($"{result.Value.Total} recommendations");
            foreach (var (title, counts) in new[] { ("status", result.Value.ByStatus), ("lead institution", result.Value.ByInstitution), ("body", result.Value.ByBody), ("SDG goal", result.Value.BySdgGoal) })
            {
                await stdout.WriteLineAsync($"by {title}: {string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"))}");
            }

            return CliApp.Done;
        }, ct));
        return summary;
    }

    private static Command Assign(TextWriter stdout, TextWriter stderr)
    {
        var id = new Argument<Guid>("id") { Description = "The recommendation's id." };
        var country = Country();
        var lead = new Option<string?>("--lead") { Description = "The lead institution's code." };
        var supporting = new Option<string[]>("--supporting") { Description = "Supporting institutions' codes.", AllowMultipleArgumentsPerToken = true };
        var assign = new Command("assign", "Name the lead and supporting institutions.") { id, country, lead, supporting };
        assign.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
            await Done(stdout, stderr, "recommendations assign", await services.GetRequiredService<ISender>().Send(
                new AssignRecommendation(parsed.GetValue(country)!, parsed.GetValue(id), parsed.GetValue(lead), parsed.GetValue(supporting) ?? []), token)), ct));
        return assign;
    }

    private static Command Status(TextWriter stdout, TextWriter stderr)
    {
        var id = new Argument<Guid>("id") { Description = "The recommendation's id." };
        var country = Country();
        var status = new Option<string>("--status") { Description = "not-started, in-progress, partially-implemented, implemented, not-implemented, no-longer-applicable.", Required = true };
        var on = new Option<DateOnly?>("--date") { Description = "When the status changed (today when omitted)." };
        var institution = new Option<string?>("--institution") { Description = "The institution reporting the change." };
        var reason = new Option<string?>("--reason") { Description = "Why." };
        var command = new Command("status", "Record a change of implementation status.") { id, country, status, on, institution, reason };
        command.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var errors = new ErrorList();
            var value = Enumeration<ImplementationStatus>(parsed.GetValue(status), "--status", errors);
            if (errors.HasErrors)
            {
                return await Output.FailAsync(stderr, "recommendations status", errors.Errors);
            }

            return await Done(stdout, stderr, "recommendations status", await services.GetRequiredService<ISender>().Send(
                new SetRecommendationStatus(parsed.GetValue(country)!, parsed.GetValue(id), value, parsed.GetValue(on), parsed.GetValue(institution), parsed.GetValue(reason)), token));
        }, ct));
        return command;
    }

    private static Command Progress(TextWriter stdout, TextWriter stderr)
    {
        var id = new Argument<Guid>("id") { Description = "The recommendation's id." };
        var country = Country();
        var institution = new Option<string>("--institution") { Description = "The institution reporting.", Required = true };
        var text = new Option<string>("--text") { Description = "What was done.", Required = true };
        var on = new Option<DateOnly?>("--date") { Description = "The date of the update (today when omitted)." };
        var links = new Option<string[]>("--link") { Description = "A link to evidence (repeat for several)." };
        var files = new Option<FileInfo[]>("--evidence") { Description = "A file of evidence (repeat for several)." };
        var command = new Command("progress", "Add a progress update with evidence.") { id, country, institution, text, on, links, files };
        command.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var evidence = new List<EvidenceUpload>();
            try
            {
                foreach (var file in parsed.GetValue(files) ?? [])
                {
                    if (!file.Exists)
                    {
                        return await Output.FailAsync(stderr, file.ToString(), [new Error("", "no such file")]);
                    }

                    evidence.Add(new EvidenceUpload(file.Name, "application/octet-stream", file.OpenRead()));
                }

                var result = await services.GetRequiredService<ISender>().Send(new AddProgress(parsed.GetValue(country)!, parsed.GetValue(id), parsed.GetValue(on),
                    parsed.GetValue(institution), parsed.GetValue(text), parsed.GetValue(links) ?? [], evidence), token);
                if (!result.IsSuccess)
                {
                    return await Output.FailAsync(stderr, "recommendations progress", result.Errors);
                }

                await stdout.WriteLineAsync($"Recorded progress {result.Value.Id} with {result.Value.Evidence.Count} file(s).");
                return CliApp.Done;
            }
            finally
            {
                evidence.ForEach(e => e.Content.Dispose());
            }
        }, ct));
        return command;
    }

    private static Command FollowUp(TextWriter stdout, TextWriter stderr)
    {
        var ids = new Argument<Guid[]>("ids") { Description = "The recommendations the committee selected.", Arity = ArgumentArity.OneOrMore };
        var country = Country();
        var deadline = new Option<DateOnly?>("--deadline") { Description = "The deadline, when the committee set one (else the body's rule gives it)." };
        var command = new Command("follow-up", "Mark recommendations selected for the follow-up procedure, with their deadline.") { ids, country, deadline };
        command.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var result = await services.GetRequiredService<ISender>().Send(new SelectForFollowUp(parsed.GetValue(country)!, parsed.GetValue(ids)!, parsed.GetValue(deadline)), token);
            if (!result.IsSuccess)
            {
                return await Output.FailAsync(stderr, "recommendations follow-up", result.Errors);
            }

            foreach (var r in result.Value)
            {
                await stdout.WriteLineAsync($"{r.Symbol} para. {r.Paragraph}: follow-up due {r.FollowUpDeadline:yyyy-MM-dd}");
            }

            return CliApp.Done;
        }, ct));
        return command;
    }

    private static Command Export(TextWriter stdout, TextWriter stderr)
    {
        var country = Country();
        var format = new Option<string>("--format") { Description = "csv (default) or xlsx.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var output = new Option<FileInfo>("--out") { Description = "The file to write.", Required = true };
        var filters = Filters();
        var export = new Command("export", "Export the filtered list as CSV or XLSX.") { country, format, output };
        AddFilters(export, filters);
        export.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var errors = new ErrorList();
            var filter = Filter(parsed, filters, errors);
            var code = parsed.GetValue(country)!;
            if (CountryCodes.Problem(code) is { } problem)
            {
                errors.Add("--country", problem);
            }

            if (errors.HasErrors)
            {
                return await Output.FailAsync(stderr, "recommendations export", errors.Errors);
            }

            services.GetRequiredService<TenantContext>().Use(code);
            var rows = await services.GetRequiredService<ISender>().Send(new StreamRecommendations(code, filter), token);
            var target = parsed.GetValue(output)!;
            await using (var file = target.Create())
            {
                if (parsed.GetValue(format) == "xlsx")
                {
                    await RecommendationExport.WriteXlsxAsync(file, rows, token);
                }
                else
                {
                    await RecommendationExport.WriteCsvAsync(file, rows, token);
                }
            }

            await stderr.WriteLineAsync($"Wrote {target}.");
            return CliApp.Done;
        }, ct));
        return export;
    }

    private static Command Cluster(TextWriter stdout, TextWriter stderr)
    {
        var country = Country();
        var code = new Argument<string>("code") { Description = "The cluster's code, such as justice-reform." };
        var name = new Option<string?>("--name") { Description = "Create or rename the cluster with this name." };
        var add = new Option<Guid[]>("--add") { Description = "Recommendations to add.", AllowMultipleArgumentsPerToken = true };
        var remove = new Option<Guid[]>("--remove") { Description = "Recommendations to remove.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("cluster", "Create a cluster of recommendations (a group for a follow-up plan) and change its members.") { code, country, name, add, remove };
        command.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var sender = services.GetRequiredService<ISender>();
            var c = parsed.GetValue(country)!;
            Result<ClusterView>? result = null;
            if (parsed.GetValue(name) is { } title)
            {
                result = await sender.Send(new SaveCluster(c, parsed.GetValue(code), title, null), token);
            }

            if (result is not { IsSuccess: false } && ((parsed.GetValue(add)?.Length ?? 0) > 0 || (parsed.GetValue(remove)?.Length ?? 0) > 0 || result is null))
            {
                result = await sender.Send(new ChangeClusterMembers(c, parsed.GetValue(code)!, parsed.GetValue(add) ?? [], parsed.GetValue(remove) ?? []), token);
            }

            if (!result!.IsSuccess)
            {
                return await Output.FailAsync(stderr, "recommendations cluster", result.Errors);
            }

            await stdout.WriteLineAsync($"{result.Value.Code}: {result.Value.Name}, {result.Value.Recommendations} recommendation(s)");
            return CliApp.Done;
        }, ct));
        return command;
    }

    private static async Task<int> Done(TextWriter stdout, TextWriter stderr, string verb, Result<RecommendationView> result)
    {
        if (!result.IsSuccess)
        {
            return await Output.FailAsync(stderr, verb, result.Errors);
        }

        var r = result.Value;
        await stdout.WriteLineAsync($"{r.Symbol} para. {r.Paragraph}: status {Kebab(r.Status.ToString())}, lead {r.LeadInstitution ?? "-"}, supporting {string.Join(", ", r.SupportingInstitutions)}");
        return CliApp.Done;
    }

    private static string Kebab(string name) => Names.Kebab(name);
}
