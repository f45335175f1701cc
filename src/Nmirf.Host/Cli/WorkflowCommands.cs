using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Mediator;
using Nmirf.BuildingBlocks.Countries;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Workflows.Cycles;
using Nmirf.Workflows.Definitions;
using Nmirf.Workflows.Diagrams;
using Nmirf.Workflows.Engine;
using Nmirf.Workflows.Contracts;
using Nmirf.Workflows.Tasks;
using Nmirf.Workflows.Timers;

namespace Nmirf.Host.Cli;

/// <summary><c>nmirf workflow</c>, <c>nmirf tasks</c> and <c>nmirf cycle</c>.</summary>
internal static class WorkflowCommands
{
    /// <summary>How long a verb that moves a workflow waits for it to settle before leaving the rest to the server.</summary>
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);

    private static Option<bool> Json() => new("--json") { Description = "Print JSON." };

    private static Option<string?> Country(bool required = false) => new("--country") { Description = "ISO 3166-1 alpha-3 code, such as MAR.", Required = required };

    public static Command Workflow(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<FileInfo>("file") { Description = "A workflow definition (JSON, docs/workflows.md)." };
        var json = Json();
        var validate = new Command("validate", "Check a workflow definition without saving it; every problem is listed with its JSON path and step.") { file, json };
        validate.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var path = parsed.GetValue(file)!;
            if (await ReadAsync(path, stderr) is not { } text)
            {
                return CliApp.InvalidInput;
            }

            var result = await services.GetRequiredService<ISender>().Send(new ValidateDefinition(text), token);
            if (!result.IsSuccess)
            {
                return await Output.FailAsync(stderr, path.Name, result.Errors);
            }

            var d = result.Value;
            await stdout.WriteLineAsync(parsed.GetValue(json)
                ? JsonSerializer.Serialize(new { valid = true, d.Id, d.Version, d.Body, d.Country, steps = d.AllSteps.Count() }, Output.Json)
                : $"{path.Name}: valid: {d.Id} version {d.Version} for {d.Body}{(d.Country is null ? "" : " in " + d.Country)}, {d.AllSteps.Count()} steps");
            return CliApp.Done;
        }, ct));

        var importFile = new Argument<FileInfo>("file") { Description = "A country's workflow definition (JSON, with \"country\")." };
        var import = new Command("import", "Store a country's workflow definition as a draft (publish it to use it).") { importFile, Json() };
        import.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var path = parsed.GetValue(importFile)!;
            if (await ReadAsync(path, stderr) is not { } text)
            {
                return CliApp.InvalidInput;
            }

            var result = await services.GetRequiredService<ISender>().Send(new ImportDefinition(text), token);
            if (!result.IsSuccess)
            {
                return await Output.FailAsync(stderr, path.Name, result.Errors);
            }

            await stdout.WriteLineAsync($"imported {result.Value.Id} version {result.Value.Version} for {result.Value.Country} as a draft: publish it with nmirf workflow publish {result.Value.Id} --country {result.Value.Country}");
            return CliApp.Done;
        }, ct));

        var id = new Argument<string>("id") { Description = "The workflow's id." };
        var country = Country(required: true);
        var version = new Option<int?>("--version") { Description = "A version (default: the latest draft)." };
        var publish = new Command("publish", "Publish a country's workflow: that version never changes again, and new cycles of its body use it.") { id, country, version };
        publish.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var code = parsed.GetValue(country)!;
            var result = await services.GetRequiredService<ISender>().Send(new PublishDefinition(code, parsed.GetValue(id)!, parsed.GetValue(version)), token);
            if (!result.IsSuccess)
            {
                return await Output.FailAsync(stderr, parsed.GetValue(id)!, result.Errors);
            }

            await stdout.WriteLineAsync($"published {result.Value.Id} version {result.Value.Version} for {code}");
            return CliApp.Done;
        }, ct));

        var listCountry = Country();
        var listBody = new Option<string?>("--body") { Description = "Only this body's workflows." };
        var listJson = Json();
        var list = new Command("list", "The plugins' default workflows and a country's own, with their versions and states.") { listCountry, listBody, listJson };
        list.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var result = await services.GetRequiredService<ISender>().Send(new ListDefinitions(parsed.GetValue(listCountry), parsed.GetValue(listBody)), token);
            if (!result.IsSuccess)
            {
                return await Output.FailAsync(stderr, "workflow list", result.Errors);
            }

            if (parsed.GetValue(listJson))
            {
                await Output.WriteJsonAsync(stdout, result.Value);
                return CliApp.Done;
            }

            await Output.WriteTableAsync(stdout, ["ID", "VERSION", "BODY", "COUNTRY", "STATE", "SOURCE", "NAME"],
                result.Value.Select(d => new[] { d.Id, d.Version.ToString(CultureInfo.InvariantCulture), d.Body, d.Country ?? "-", d.State.ToString().ToLowerInvariant(), d.Source, d.Name }));
            return CliApp.Done;
        }, ct));

        var showId = new Argument<string>("id") { Description = "The workflow's id." };
        var showCountry = Country();
        var showVersion = new Option<int?>("--version") { Description = "A version (default: the latest)." };
        var showJson = Json();
        var show = new Command("show", "A workflow's steps (a country's own with --country, else the plugin default).") { showId, showCountry, showVersion, showJson };
        show.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var result = await services.GetRequiredService<ISender>().Send(new GetDefinition(parsed.GetValue(showId)!, parsed.GetValue(showCountry), parsed.GetValue(showVersion)), token);
            if (!result.IsSuccess)
            {
                return await Output.FailAsync(stderr, parsed.GetValue(showId)!, result.Errors);
            }

            var (summary, document, _) = result.Value;
            if (parsed.GetValue(showJson))
            {
                await Output.WriteJsonAsync(stdout, new { summary, document });
                return CliApp.Done;
            }

            await stdout.WriteLineAsync($"{summary.Id} version {summary.Version} ({summary.State.ToString().ToLowerInvariant()}, {summary.Source}): {summary.Name}");
            await Output.WriteTableAsync(stdout, ["STEP", "TYPE", "ASSIGNEES", "DUE", "TITLE"],
                document.AllSteps.Select(s => new[] { s.Id, s.Type, s.Assignees?.ToString() ?? "", s.Due?.ToString() ?? s.Until?.ToString() ?? s.Duration?.ToString() ?? s.Event ?? "", s.Title ?? s.Document ?? s.Message ?? "" }));
            return CliApp.Done;
        }, ct));

        var diagramId = new Argument<string>("id") { Description = "The workflow's id." };
        var diagramCountry = Country();
        var diagramVersion = new Option<int?>("--version") { Description = "A version (default: the latest)." };
        var instance = new Option<Guid?>("--instance") { Description = "A cycle's id: mark its steps done, current or pending." };
        var diagram = new Command("diagram", "Print a Mermaid flowchart of a workflow, or of a running cycle with --instance.") { diagramId, diagramCountry, diagramVersion, instance };
        diagram.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var sender = services.GetRequiredService<ISender>();
            if (parsed.GetValue(instance) is { } run)
            {
                var runDiagram = await sender.Send(new GetRunDiagram(run), token);
                if (!runDiagram.IsSuccess)
                {
                    return await Output.FailAsync(stderr, run.ToString(), runDiagram.Errors);
                }

                await stdout.WriteAsync(runDiagram.Value);
                return CliApp.Done;
            }

            var result = await sender.Send(new GetDefinition(parsed.GetValue(diagramId)!, parsed.GetValue(diagramCountry), parsed.GetValue(diagramVersion)), token);
            if (!result.IsSuccess)
            {
                return await Output.FailAsync(stderr, parsed.GetValue(diagramId)!, result.Errors);
            }

            await stdout.WriteAsync(MermaidDiagram.Render(result.Value.Document));
            return CliApp.Done;
        }, ct));

        return new Command("workflow", "Reporting-cycle workflow definitions: validate, import, publish, list, show, diagram.") { validate, import, publish, list, show, diagram };
    }

    public static Command Tasks(TextWriter stdout, TextWriter stderr)
    {
        var country = Country();
        var institution = new Option<string?>("--institution") { Description = "Only this institution's tasks (its code)." };
        var state = new Option<string?>("--state") { Description = "open (default), completed, superseded, expired, cancelled or all." };
        var json = Json();
        var list = new Command("list", "Tasks, open ones first by due date.") { country, institution, state, json };
        list.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var stateName = parsed.GetValue(state) ?? "open";
            TaskState? wanted = null;
            if (stateName != "all")
            {
                if (!Enum.TryParse<TaskState>(stateName, ignoreCase: true, out var parsedState) || !Enum.IsDefined(parsedState))
                {
                    return await Output.FailAsync(stderr, "--state", [new Error("", $"'{stateName}' is not a task state: open, completed, superseded, expired, cancelled or all")]);
                }

                wanted = parsedState;
            }

            var code = parsed.GetValue(country);
            if (code is not null && CountryCodes.Problem(code) is { } problem)
            {
                return await Output.FailAsync(stderr, code, [new Error("country", problem)]);
            }

            var result = await services.GetRequiredService<ISender>().Send(new ListTasks(code, parsed.GetValue(institution), State: wanted, Take: 1000), token);
            if (!result.IsSuccess)
            {
                return await Output.FailAsync(stderr, "tasks list", result.Errors);
            }

            if (parsed.GetValue(json))
            {
                await Output.WriteJsonAsync(stdout, result.Value);
                return CliApp.Done;
            }

            await Output.WriteTableAsync(stdout, ["ID", "COUNTRY", "STEP", "ASSIGNEE", "DUE", "STATE", "TITLE"],
                result.Value.Select(t => new[]
                {
                    t.Id.ToString(), t.Country, t.Step, t.Institution ?? t.FocalPoint ?? "role " + t.Role,
                    t.DueAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", t.State.ToString().ToLowerInvariant() + (t.Overdue ? " (overdue)" : ""), t.Title,
                }));
            return CliApp.Done;
        }, ct));

        var showId = new Argument<Guid>("id") { Description = "The task's id." };
        var showJson = Json();
        var show = new Command("show", "A task: its form, answers and comments.") { showId, showJson };
        show.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var result = await services.GetRequiredService<ISender>().Send(new GetTask(parsed.GetValue(showId)), token);
            return await PrintTaskAsync(result, parsed.GetValue(showJson), stdout, stderr);
        }, ct));

        var completeId = new Argument<Guid>("id") { Description = "The task's id." };
        var answers = new Option<FileInfo>("--answers") { Description = "A JSON file of the form's answers, such as {\"contribution\": \"...\"}.", Required = true };
        var version = new Option<int?>("--version") { Description = "The version you read: refused if the task changed since." };
        var complete = new Command("complete", "Complete a task with answers checked against its form; the workflow moves on.") { completeId, answers, version, Json() };
        complete.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var path = parsed.GetValue(answers)!;
            if (await ReadAsync(path, stderr) is not { } text)
            {
                return CliApp.InvalidInput;
            }

            JsonElement values;
            try
            {
                values = JsonSerializer.Deserialize<JsonElement>(text);
            }
            catch (JsonException ex)
            {
                return await Output.FailAsync(stderr, path.Name, [new Error("", "not valid JSON: " + ex.Message) { Line = (int?)ex.LineNumber + 1, Column = (int?)ex.BytePositionInLine + 1 }]);
            }

            return await WithEngineAsync(services, stdout, async () =>
            {
                var result = await services.GetRequiredService<ISender>().Send(new CompleteTask(parsed.GetValue(completeId), values, parsed.GetValue(version)), token);
                if (!result.IsSuccess)
                {
                    return await Output.FailAsync(stderr, path.Name, result.Errors);
                }

                await stdout.WriteLineAsync($"completed task {result.Value.Id} ({result.Value.Step})");
                return CliApp.Done;
            }, token);
        }, ct));

        var returnId = new Argument<Guid>("id") { Description = "The task's id." };
        var reason = new Option<string>("--reason") { Description = "Why the task is handed back.", Required = true };
        var hand = new Command("return", "Hand a task back to the country's administrators, saying why.") { returnId, reason };
        hand.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
            await PrintTaskAsync(await services.GetRequiredService<ISender>().Send(new ReturnTask(parsed.GetValue(returnId), parsed.GetValue(reason)!), token), false, stdout, stderr), ct));

        var reassignId = new Argument<Guid>("id") { Description = "The task's id." };
        var toInstitution = new Option<string?>("--institution") { Description = "An institution's code." };
        var toFocalPoint = new Option<string?>("--focal-point") { Description = "A focal point's e-mail address." };
        var toRole = new Option<string?>("--role") { Description = "administrator or drafter." };
        var why = new Option<string?>("--reason") { Description = "Why, for the record." };
        var reassign = new Command("reassign", "Give an open task to another institution, focal point or role.") { reassignId, toInstitution, toFocalPoint, toRole, why };
        reassign.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
            await PrintTaskAsync(await services.GetRequiredService<ISender>().Send(new ReassignTask(parsed.GetValue(reassignId), parsed.GetValue(toInstitution), parsed.GetValue(toFocalPoint), parsed.GetValue(toRole), parsed.GetValue(why)), token), false, stdout, stderr), ct));

        var commentId = new Argument<Guid>("id") { Description = "The task's id." };
        var text = new Option<string>("--text") { Description = "The comment.", Required = true };
        var comment = new Command("comment", "Comment on a task.") { commentId, text };
        comment.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
            await PrintTaskAsync(await services.GetRequiredService<ISender>().Send(new CommentTask(parsed.GetValue(commentId), parsed.GetValue(text)!), token), false, stdout, stderr), ct));

        var sweepJson = Json();
        var sweep = new Command("sweep", "Run the daily sweep now: overdue tasks, reminders, escalations, closed data requests, cycles due to start.") { sweepJson };
        sweep.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
            await WithEngineAsync(services, stdout, async () =>
            {
                var report = await services.GetRequiredService<TaskSweep>().RunAsync(token);
                await stdout.WriteLineAsync(parsed.GetValue(sweepJson)
                    ? JsonSerializer.Serialize(report, Output.Json)
                    : $"overdue {report.MarkedOverdue}, reminders {report.Reminders}, escalations {report.Escalations}, data requests closed {report.Expired}, steps resumed {report.Joined}, cycles started {report.CyclesStarted}");
                return CliApp.Done;
            }, token), ct));

        return new Command("tasks", "Human tasks of running workflows: list, show, complete, return, reassign, comment, sweep.") { list, show, complete, hand, reassign, comment, sweep };
    }

    public static Command Cycle(TextWriter stdout, TextWriter stderr)
    {
        var country = new Argument<string>("country") { Description = "ISO 3166-1 alpha-3 code, such as MAR." };
        var body = new Argument<string>("body") { Description = "The body's plugin id, such as cat." };
        var report = new Option<string?>("--report") { Description = "The report number (default: the next one the calendar says is owed)." };
        var due = new Option<string?>("--due") { Description = "The due date (yyyy-mm-dd), when the calendar has none." };
        var json = Json();
        var start = new Command("start", "Start the country's published workflow for a body (or the plugin's default), bound to the report owed and its due date.") { country, body, report, due, json };
        start.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var code = parsed.GetValue(country)!;
            if (CountryCodes.Problem(code) is { } problem)
            {
                return await Output.FailAsync(stderr, code, [new Error("country", problem)]);
            }

            DateOnly? dueOn = null;
            if (parsed.GetValue(due) is { } dueText)
            {
                if (!DateOnly.TryParseExact(dueText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    return await Output.FailAsync(stderr, "--due", [new Error("", $"'{dueText}' is not a date written yyyy-mm-dd")]);
                }

                dueOn = d;
            }

            return await WithEngineAsync(services, stdout, async () =>
            {
                var result = await services.GetRequiredService<ISender>().Send(new StartCycle(code, parsed.GetValue(body)!, parsed.GetValue(report), dueOn), token);
                if (!result.IsSuccess)
                {
                    return await Output.FailAsync(stderr, $"{code} {parsed.GetValue(body)}", result.Errors);
                }

                await stdout.WriteLineAsync($"started cycle {result.Value.Id}: {code} report {result.Value.Report ?? "-"} to {result.Value.Body}, due {result.Value.DueOn:yyyy-MM-dd}, workflow {result.Value.Definition} v{result.Value.Version}");
                return CliApp.Done;
            }, token);
        }, ct));

        var runId = new Argument<Guid>("cycle-id") { Description = "The cycle's id (from nmirf cycle start or list)." };
        var milestone = new Argument<string>("milestone") { Description = string.Join(", ", Milestones.All) + "." };
        var date = new Option<string?>("--date") { Description = "When it happened (yyyy-mm-dd; default today)." };
        var symbol = new Option<string?>("--symbol") { Description = "The UN document's symbol, such as CAT/C/MAR/CO/5." };
        var record = new Command("milestone", "Record a UN milestone of the cycle and resume the steps waiting for it.") { runId, milestone, date, symbol };
        record.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            DateOnly? on = null;
            if (parsed.GetValue(date) is { } dateText)
            {
                if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    return await Output.FailAsync(stderr, "--date", [new Error("", $"'{dateText}' is not a date written yyyy-mm-dd")]);
                }

                on = d;
            }

            return await WithEngineAsync(services, stdout, async () =>
            {
                var result = await services.GetRequiredService<ISender>().Send(new RecordMilestone(parsed.GetValue(runId), parsed.GetValue(milestone)!, on, parsed.GetValue(symbol)), token);
                if (!result.IsSuccess)
                {
                    return await Output.FailAsync(stderr, parsed.GetValue(milestone)!, result.Errors);
                }

                await stdout.WriteLineAsync($"recorded {parsed.GetValue(milestone)} for cycle {result.Value.Id}");
                return CliApp.Done;
            }, token);
        }, ct));

        var showId = new Argument<Guid>("cycle-id") { Description = "The cycle's id." };
        var showJson = Json();
        var show = new Command("show", "Where a cycle stands: each step done, current or pending, open tasks and milestones.") { showId, showJson };
        show.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var result = await services.GetRequiredService<ISender>().Send(new GetCycleRun(parsed.GetValue(showId)), token);
            if (!result.IsSuccess)
            {
                return await Output.FailAsync(stderr, parsed.GetValue(showId).ToString(), result.Errors);
            }

            var r = result.Value;
            if (parsed.GetValue(showJson))
            {
                await Output.WriteJsonAsync(stdout, r);
                return CliApp.Done;
            }

            await stdout.WriteLineAsync($"cycle {r.Id}: {r.Country} report {r.Report ?? "-"} to {r.Body}, due {r.DueOn:yyyy-MM-dd}; {r.State.ToString().ToLowerInvariant()}; workflow {r.Definition} v{r.Version}; {r.OpenTasks} open task(s)");
            await Output.WriteTableAsync(stdout, ["STEP", "TYPE", "PROGRESS", "TITLE"], r.Steps.Select(s => new[] { s.Id, s.Type, s.Progress.ToString().ToLowerInvariant(), s.Title ?? "" }));
            foreach (var m in r.Milestones)
            {
                await stdout.WriteLineAsync($"milestone {m.Milestone} on {m.Date:yyyy-MM-dd}{(m.Symbol is null ? "" : " (" + m.Symbol + ")")}");
            }

            if (r.LastError is not null)
            {
                await stdout.WriteLineAsync($"last error (the step is tried again): {r.LastError}");
            }

            return CliApp.Done;
        }, ct));

        var listCountry = Country();
        var listJson = Json();
        var list = new Command("list", "Cycles whose workflows run or ran.") { listCountry, listJson };
        list.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var result = await services.GetRequiredService<ISender>().Send(new ListCycleRuns(parsed.GetValue(listCountry)), token);
            if (!result.IsSuccess)
            {
                return await Output.FailAsync(stderr, "cycle list", result.Errors);
            }

            if (parsed.GetValue(listJson))
            {
                await Output.WriteJsonAsync(stdout, result.Value);
                return CliApp.Done;
            }

            await Output.WriteTableAsync(stdout, ["ID", "COUNTRY", "BODY", "REPORT", "DUE", "STATE", "OPEN TASKS", "WORKFLOW"],
                result.Value.Select(r => new[] { r.Id.ToString(), r.Country, r.Body, r.Report ?? "-", r.DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", r.State.ToString().ToLowerInvariant(), r.OpenTasks.ToString(CultureInfo.InvariantCulture), $"{r.Definition} v{r.Version}" }));
            return CliApp.Done;
        }, ct));

        return new Command("cycle", "Run reporting cycles: start a workflow, record UN milestones, see where a cycle stands.") { start, record, show, list };
    }

    /// <summary>
    /// Runs <paramref name="action"/> with the engine started in this process, then lets the workflows it moved settle
    /// (the next tasks created) before returning; a running server would do the same work, and the leases in the
    /// database keep the two from running one instance at once.
    /// </summary>
    private static async Task<int> WithEngineAsync(IServiceProvider services, TextWriter stdout, Func<Task<int>> action, CancellationToken cancellationToken)
    {
        var engine = services.GetRequiredService<IWorkflowEngine>();
        await engine.StartAsync(cancellationToken);
        try
        {
            var code = await action();
            if (code == CliApp.Done && !await engine.WaitForIdleAsync(null, SettleTimeout, cancellationToken))
            {
                await stdout.WriteLineAsync("the workflow is still busy; the server continues it");
            }

            return code;
        }
        finally
        {
            await engine.StopAsync(cancellationToken);
        }
    }

    private static async Task<string?> ReadAsync(FileInfo file, TextWriter stderr)
    {
        if (!file.Exists)
        {
            await stderr.WriteLineAsync($"{file.Name}: no such file");
            return null;
        }

        if (file.Length > DefinitionReader.MaxBytes)
        {
            await stderr.WriteLineAsync($"{file.Name}: larger than {DefinitionReader.MaxBytes / 1024} KB");
            return null;
        }

        return await File.ReadAllTextAsync(file.FullName);
    }

    private static async Task<int> PrintTaskAsync(Result<TaskDto> result, bool json, TextWriter stdout, TextWriter stderr)
    {
        if (!result.IsSuccess)
        {
            return await Output.FailAsync(stderr, "task", result.Errors);
        }

        var t = result.Value;
        if (json)
        {
            await Output.WriteJsonAsync(stdout, t);
            return CliApp.Done;
        }

        await stdout.WriteLineAsync($"task {t.Id} (version {t.Version}): {t.Title}");
        await stdout.WriteLineAsync($"  step {t.Step} ({t.Type}) of cycle {t.Run}; {t.State.ToString().ToLowerInvariant()}{(t.Overdue ? ", overdue" : "")}; due {t.DueAt:yyyy-MM-dd}");
        await stdout.WriteLineAsync($"  assignee: {t.Institution ?? t.FocalPoint ?? "role " + t.Role}{(t.AssignmentNote is null ? "" : " — " + t.AssignmentNote)}");
        if (t.Instructions is not null)
        {
            await stdout.WriteLineAsync($"  {t.Instructions}");
        }

        foreach (var field in t.Form)
        {
            await stdout.WriteLineAsync($"  field {field.Name}: {Nmirf.BuildingBlocks.Text.Names.Kebab(field.Type.ToString())}{(field.Required ? ", required" : "")}{(field.Options.Count > 0 ? " (" + string.Join(", ", field.Options) + ")" : "")}");
        }

        if (t.Answers is { } answers)
        {
            await stdout.WriteLineAsync($"  answers: {answers.GetRawText()}");
        }

        foreach (var c in t.Comments)
        {
            await stdout.WriteLineAsync($"  {c.At:yyyy-MM-dd HH:mm} {c.Author}: {c.Text}");
        }

        return CliApp.Done;
    }
}
