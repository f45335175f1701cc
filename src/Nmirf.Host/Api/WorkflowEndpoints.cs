using System.Text;
using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Nmirf.Accounts;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.BuildingBlocks.Text;
using Nmirf.Host.Security;
using Nmirf.Workflows.Cycles;
using Nmirf.Workflows.Definitions;
using Nmirf.Workflows.Diagrams;
using Nmirf.Workflows.Contracts;
using Nmirf.Workflows.Tasks;

namespace Nmirf.Host.Api;

/// <summary>A country's workflows: definitions, the human tasks of running cycles, and the cycle runs themselves.</summary>
internal static class WorkflowEndpoints
{
    private const string DiagramMediaType = "text/plain";

    public sealed record CompleteRequest(JsonElement? Answers, int? Version);

    public sealed record ReturnRequest(string? Reason);

    public sealed record CommentRequest(string? Text);

    public sealed record ReassignRequest(string? Institution, string? FocalPoint, string? Role, string? Reason);

    public sealed record StartCycleRequest(string? Body, string? Report, DateOnly? DueOn);

    public sealed record MilestoneRequest(string? Milestone, DateOnly? Date, string? Symbol);

    /// <summary>What a definition checked without saving is.</summary>
    public sealed record ValidDefinition(bool Valid, string Id, int Version);

    public static void MapWorkflowEndpoints(this RouteGroupBuilder country)
    {
        MapDefinitions(country.MapGroup("/workflows").WithTags("Workflows"));
        MapTasks(country.MapGroup("/tasks").WithTags("Tasks"));
        MapCycleRuns(country.MapGroup("/cycle-runs").WithTags("Cycle runs"));
    }

    private static void MapDefinitions(RouteGroupBuilder workflows)
    {
        workflows.MapGet("/", async (string country, ISender sender, CancellationToken ct) => ApiResults.Ok(await sender.Send(new ListDefinitions(country), ct)))
            .RequirePermission(Permission.WorkflowsRead)
            .WithSummary("The country's own workflow definitions (drafts and published) and the plugins' defaults.");
        workflows.MapGet("/{id}", async (string country, string id, int? version, ISender sender, CancellationToken ct) =>
                ApiResults.Ok(await FindDefinitionAsync(sender, country, id, version, ct)))
            .RequirePermission(Permission.WorkflowsRead)
            .WithSummary("A definition (the latest version unless ?version=): the country's own if it has one, else the plugin's default.");
        workflows.MapGet("/{id}/diagram", async (string country, string id, int? version, ISender sender, CancellationToken ct) =>
            {
                var definition = await FindDefinitionAsync(sender, country, id, version, ct);
                return definition.IsSuccess
                    ? TypedResults.Text(MermaidDiagram.Render(definition.Value.Document), DiagramMediaType, Encoding.UTF8)
                    : ApiResults.Problem(definition);
            })
            .RequirePermission(Permission.WorkflowsRead)
            .WithSummary("The definition as a Mermaid flowchart.");
        workflows.MapPost("/validate", async (string country, HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                var (json, problem) = await ReadDefinitionAsync(request, country, ct);
                if (problem is not null)
                {
                    return problem;
                }

                var result = await sender.Send(new ValidateDefinition(json!), ct);
                return result.IsSuccess
                    ? TypedResults.Ok(new ValidDefinition(true, result.Value.Id, result.Value.Version))
                    : ApiResults.Problem(result);
            })
            .RequirePermission(Permission.WorkflowsWrite)
            .Accepts<JsonElement>("application/json")
            .WithSummary("Checks a definition (the request body) without saving it: every problem, each with its JSON path.");
        workflows.MapPost("/", async (string country, HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                var (json, problem) = await ReadDefinitionAsync(request, country, ct);
                return problem ?? ApiResults.Created(await sender.Send(new ImportDefinition(json!), ct), d => $"/countries/{country}/workflows/{d.Id}?version={d.Version}");
            })
            .RequirePermission(Permission.WorkflowsWrite)
            .Accepts<JsonElement>("application/json")
            .WithSummary("Stores the country's definition (the request body, whose country must be this one) as a draft.");
        workflows.MapPost("/{id}/publish", async (string country, string id, int? version, ISender sender, CancellationToken ct) =>
                ApiResults.Ok(await sender.Send(new PublishDefinition(country, id, version), ct)))
            .RequirePermission(Permission.WorkflowsWrite)
            .WithSummary("Publishes the latest draft (or ?version=): cycles started from then on run it, and it never changes again.");
    }

    private static void MapTasks(RouteGroupBuilder tasks)
    {
        tasks.MapGet("/", ListTasksAsync)
            .RequirePermission(Permission.TasksRead)
            .WithSummary("The country's tasks, by ?institution=, ?state= and ?mine=true (those assigned to you or your roles); a focal point sees their institution's only.");
        tasks.MapGet("/{id:guid}", async (string country, Guid id, CallerAccessor callers, ISender sender, CancellationToken ct) =>
                ApiResults.Ok(await sender.Send(new GetTask(id, country, await RestrictionAsync(callers, country, ct)), ct)))
            .RequirePermission(Permission.TasksRead);
        tasks.MapPost("/{id:guid}/complete", async (string country, Guid id, CompleteRequest body, CallerAccessor callers, ISender sender, CancellationToken ct) =>
                ApiResults.Ok(await sender.Send(new CompleteTask(id, body.Answers ?? default, body.Version, country, await RestrictionAsync(callers, country, ct), await ActingAsync(callers, country, ct)), ct)))
            .RequirePermission(Permission.TasksWork)
            .WithSummary("Completes an open task with the answers to its form; with version, only if the task is still at that version.");
        tasks.MapPost("/{id:guid}/return", async (string country, Guid id, ReturnRequest body, CallerAccessor callers, ISender sender, CancellationToken ct) =>
                ApiResults.Ok(await sender.Send(new ReturnTask(id, body.Reason ?? "", country, await RestrictionAsync(callers, country, ct), await ActingAsync(callers, country, ct)), ct)))
            .RequirePermission(Permission.TasksWork)
            .WithSummary("Hands an open task back to the country's administrators, saying why.");
        tasks.MapPost("/{id:guid}/comments", async (string country, Guid id, CommentRequest body, CallerAccessor callers, ISender sender, CancellationToken ct) =>
                ApiResults.Ok(await sender.Send(new CommentTask(id, body.Text ?? "", country, await RestrictionAsync(callers, country, ct)), ct)))
            .RequirePermission(Permission.TasksWork);
        tasks.MapPost("/{id:guid}/reassign", async (string country, Guid id, ReassignRequest body, ISender sender, CancellationToken ct) =>
                ApiResults.Ok(await sender.Send(new ReassignTask(id, body.Institution, body.FocalPoint, body.Role, body.Reason, country), ct)))
            .RequirePermission(Permission.TasksManage)
            .WithSummary("Gives an open task to another institution, focal point or role (exactly one).");
    }

    private static void MapCycleRuns(RouteGroupBuilder runs)
    {
        runs.MapGet("/", async (string country, string? body, string? state, ISender sender, CancellationToken ct) =>
            {
                if (!TryParse<RunState>(state, out var runState))
                {
                    return ApiResults.Problem([new Error("state", $"'{state}' is not one of {Names.AllOf<RunState>()}")]);
                }

                return ApiResults.Ok(await sender.Send(new ListCycleRuns(country, body, runState), ct));
            })
            .RequirePermission(Permission.CyclesRead)
            .WithSummary("The country's cycle runs, newest first, by ?body= and ?state=.");
        runs.MapPost("/", async (string country, StartCycleRequest request, ISender sender, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(request.Body))
                {
                    return ApiResults.Problem([new Error("body", "required: the body whose reporting cycle starts")]);
                }

                return ApiResults.Created(await sender.Send(new StartCycle(country, request.Body, request.Report, request.DueOn), ct), r => $"/countries/{country}/cycle-runs/{r.Id}");
            })
            .RequirePermission(Permission.CyclesRun)
            .WithSummary("Starts the country's workflow for a body, for the report the calendar says is owed (or report, with dueOn when the calendar does not know it).");
        runs.MapGet("/{id:guid}", async (string country, Guid id, ISender sender, CancellationToken ct) => ApiResults.Ok(await sender.Send(new GetCycleRun(id, country), ct)))
            .RequirePermission(Permission.CyclesRead);
        runs.MapPost("/{id:guid}/milestones", async (string country, Guid id, MilestoneRequest body, ISender sender, CancellationToken ct) =>
                ApiResults.Ok(await sender.Send(new RecordMilestone(id, body.Milestone ?? "", body.Date, body.Symbol, country), ct)))
            .RequirePermission(Permission.CyclesRun)
            .WithSummary("Records a UN milestone of the run (the date defaults to today) and resumes the steps waiting for it.");
        runs.MapGet("/{id:guid}/diagram", async (string country, Guid id, ISender sender, CancellationToken ct) =>
            {
                var diagram = await sender.Send(new GetRunDiagram(id, country), ct);
                return diagram.IsSuccess ? TypedResults.Text(diagram.Value, DiagramMediaType, Encoding.UTF8) : ApiResults.Problem(diagram);
            })
            .RequirePermission(Permission.CyclesRead)
            .WithSummary("The run's workflow as a Mermaid flowchart, its steps marked done, current or pending.");
    }

    private static async Task<IResult> ListTasksAsync(
        string country, string? institution, string? state, bool? mine, int? skip, int? take, CallerAccessor callers, ISender sender, CancellationToken ct)
    {
        if (!TryParse<TaskState>(state, out var taskState))
        {
            return ApiResults.Problem([new Error("state", $"'{state}' is not one of {Names.AllOf<TaskState>()}")]);
        }

        var caller = (await callers.GetAsync(ct))!;
        var query = new ListTasks(country, institution, State: taskState, RestrictedTo: caller.RestrictedTo(country), Skip: skip ?? 0, Take: take ?? 200);
        if (mine == true)
        {
            var acting = Acting(caller, country);
            query = query with { Person = caller.Email, Roles = acting.Roles, PersonInstitution = acting.Institution };
        }

        return ApiResults.Ok(await sender.Send(query, ct));
    }

    private static async Task<ActingAs> ActingAsync(CallerAccessor callers, string country, CancellationToken ct) => Acting((await callers.GetAsync(ct))!, country);

    private static readonly string[] AdministratorRole = ["administrator"];

    /// <summary>A network administrator acts as the country's administrators do.</summary>
    private static ActingAs Acting(Caller caller, string country) =>
        new([.. caller.RolesIn(country).Select(r => Names.Kebab(r)), .. caller.NetworkAdministrator ? AdministratorRole : []], caller.InstitutionIn(country));

    /// <summary>The country's own definition when it has one by that id, else the plugin default.</summary>
    private static async Task<Result<DefinitionDetail>> FindDefinitionAsync(ISender sender, string country, string id, int? version, CancellationToken ct)
    {
        var own = await sender.Send(new GetDefinition(id, country, version), ct);
        return own.IsSuccess || own.ErrorKind != ErrorKind.NotFound ? own : await sender.Send(new GetDefinition(id, null, version), ct);
    }

    /// <summary>
    /// The request body as text, refused when larger than a definition may be, and when the document names another
    /// country than the route's: a definition is imported (and checked against a mandate) in its own country only.
    /// </summary>
    private static async Task<(string? Json, IResult? Problem)> ReadDefinitionAsync(HttpRequest request, string country, CancellationToken ct)
    {
        var body = await RequestBody.ReadAsync(request, DefinitionReader.MaxBytes, ct);
        if (body is null)
        {
            return (null, TooLarge());
        }

        if (body.Length == 0)
        {
            return (null, ApiResults.Problem([new Error("", "a JSON body is required: the workflow definition")]));
        }

        var json = Encoding.UTF8.GetString(body);
        return DocumentCountry(json) is { } named && named != country
            ? (null, ApiResults.Problem([new Error("$.country", $"is '{named}' but the request is for {country}")]))
            : (json, null);
    }

    /// <summary>The <c>country</c> the document names, when it parses; the reader reports everything else.</summary>
    private static string? DocumentCountry(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 });
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("country", out var named)
                && named.ValueKind == JsonValueKind.String
                    ? named.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ProblemHttpResult TooLarge() => RequestBody.TooLarge($"a workflow definition is at most {DefinitionReader.MaxBytes / 1024} KB");

    /// <summary>An enumeration value as the API spells it (kebab case); no text is no filter.</summary>
    private static bool TryParse<T>(string? text, out T? value) where T : struct, Enum
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Names.Kebab(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }

    private static async Task<string?> RestrictionAsync(CallerAccessor callers, string country, CancellationToken ct) =>
        (await callers.GetAsync(ct))?.RestrictedTo(country);
}
