using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Nmirf.Host.Tests;

/// <summary>
/// The workflow API on the real server with its engine running: definitions imported and published, cycle runs
/// started, tasks listed, completed and kept to their institution, milestones. Morocco's demo focal point acts for
/// the ministry of justice ("justice"); "hcp" is another of its member institutions.
/// </summary>
public sealed class WorkflowApiTests(WorkflowServerFixture server) : IClassFixture<WorkflowServerFixture>
{
    private const string Country = "MAR";
    private const string CycleWorkflow = "mar-cat-contributions";

    private static readonly TimeSpan StepWait = TimeSpan.FromSeconds(5);

    private HttpClient Client => server.Client;

    [Fact]
    public async Task ImportDefinition_Valid_Is201ThenPublishedListedAndShown()
    {
        var created = await PostDefinitionAsync("/workflows", Definition("mar-ced-consultation", "ced"));
        var published = await Client.PostAsync(new Uri($"/countries/{Country}/workflows/mar-ced-consultation/publish?version=1", UriKind.Relative), null);
        var listed = await Client.GetFromJsonAsync<JsonElement>($"/countries/{Country}/workflows");
        var shown = await Client.GetFromJsonAsync<JsonElement>($"/countries/{Country}/workflows/mar-ced-consultation");
        var diagram = await Client.GetAsync(new Uri($"/countries/{Country}/workflows/mar-ced-consultation/diagram", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/countries/{Country}/workflows/mar-ced-consultation?version=1", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var mine = Assert.Single(listed.EnumerateArray(), d => d.GetProperty("id").GetString() == "mar-ced-consultation");
        Assert.Equal("published", mine.GetProperty("state").GetString());
        Assert.Equal(Country, mine.GetProperty("country").GetString());
        Assert.Contains(listed.EnumerateArray(), d => d.GetProperty("id").GetString() == "cat-reporting-cycle" && !d.TryGetProperty("country", out _));
        Assert.Equal(Country, shown.GetProperty("summary").GetProperty("country").GetString());
        Assert.Equal("contributions", shown.GetProperty("document").GetProperty("steps")[0].GetProperty("id").GetString());
        Assert.Contains("\"mar-ced-consultation\"", shown.GetProperty("json").GetString(), StringComparison.Ordinal);
        Assert.Equal("text/plain", diagram.Content.Headers.ContentType?.MediaType);
        Assert.Contains("contributions", await diagram.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDefinition_TheCountryHasNone_IsThePluginDefault()
    {
        var shown = await Client.GetFromJsonAsync<JsonElement>($"/countries/{Country}/workflows/cat-reporting-cycle");

        Assert.False(shown.GetProperty("summary").TryGetProperty("country", out _));
        Assert.Equal("cat", shown.GetProperty("summary").GetProperty("body").GetString());
    }

    [Fact]
    public async Task ImportDefinition_InstitutionNotInTheMandate_Is400WithTheJsonPathAndStoresNothing()
    {
        var json = Definition("mar-cerd-broken", "cerd").Replace("\"hcp\"", "\"nowhere\"", StringComparison.Ordinal);

        var validated = await PostDefinitionAsync("/workflows/validate", json);
        var imported = await PostDefinitionAsync("/workflows", json);

        var problem = await AssertProblemAsync(imported, HttpStatusCode.BadRequest);
        Assert.Contains("'nowhere' is not an institution", problem.GetProperty("errors").GetProperty("$.steps[0].assignees")[0].GetString(), StringComparison.Ordinal);
        await AssertProblemAsync(validated, HttpStatusCode.BadRequest);
        var listed = await Client.GetFromJsonAsync<JsonElement>($"/countries/{Country}/workflows");
        Assert.DoesNotContain(listed.EnumerateArray(), d => d.GetProperty("id").GetString() == "mar-cerd-broken");
    }

    [Fact]
    public async Task ValidateDefinition_Valid_IsValidWithItsIdAndVersion()
    {
        var response = await PostDefinitionAsync("/workflows/validate", Definition("mar-crc-check", "crc"));

        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(result.GetProperty("valid").GetBoolean());
        Assert.Equal("mar-crc-check", result.GetProperty("id").GetString());
        Assert.Equal(1, result.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task ImportDefinition_OfAnotherCountry_Is400NamingTheCountry()
    {
        var response = await PostDefinitionAsync("/workflows", Definition("prt-cat-contributions", "cat").Replace($"\"country\": \"{Country}\"", "\"country\": \"PRT\"", StringComparison.Ordinal));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("'PRT'", problem.GetProperty("errors").GetProperty("$.country")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateDefinition_LargerThanADefinitionMayBe_Is413()
    {
        var response = await PostDefinitionAsync("/workflows/validate", "{\"name\": \"" + new string('x', 1024 * 1024) + "\"}");

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task StartCycle_WithADueDate_Is201AndItsFirstTasksGoToEachInstitution()
    {
        var run = await StartRunAsync("11");

        var justice = await WaitForTaskAsync(Client, $"institution=justice", run, "contributions");
        var hcp = await WaitForTaskAsync(Client, $"institution=hcp", run, "contributions");
        var shown = await Client.GetFromJsonAsync<JsonElement>($"/countries/{Country}/cycle-runs/{run}");
        var diagram = await Client.GetAsync(new Uri($"/countries/{Country}/cycle-runs/{run}/diagram", UriKind.Relative));
        var listed = await Client.GetFromJsonAsync<JsonElement>($"/countries/{Country}/cycle-runs?body=cat&state=running");

        Assert.Equal("open", justice.GetProperty("state").GetString());
        Assert.Equal("2027-02-28", justice.GetProperty("dueAt").GetString()![..10]);
        Assert.NotEqual(justice.GetProperty("id").GetString(), hcp.GetProperty("id").GetString());
        Assert.Equal(CycleWorkflow, shown.GetProperty("definition").GetString());
        Assert.Equal("2027-05-31", shown.GetProperty("dueOn").GetString());
        Assert.Equal("text/plain", diagram.Content.Headers.ContentType?.MediaType);
        Assert.Contains(listed.EnumerateArray(), r => r.GetProperty("id").GetString() == run);
    }

    [Fact]
    public async Task CompleteTask_WithAnswers_Is200AndTheSameCompletionAgainIs409()
    {
        var run = await StartRunAsync("12");
        var justice = await WaitForTaskAsync(Client, "institution=justice", run, "contributions");
        var hcp = await WaitForTaskAsync(Client, "institution=hcp", run, "contributions");
        var answers = new { answers = new { contribution = "Figures on complaints, 2022-2025." } };
        var administrator = await server.ClientForAsync("admin.mar@demo.nmirf.test");

        var completed = await Client.PostAsJsonAsync($"/countries/{Country}/tasks/{justice.GetProperty("id").GetString()}/complete", answers);
        var again = await Client.PostAsJsonAsync($"/countries/{Country}/tasks/{justice.GetProperty("id").GetString()}/complete", answers);
        await Client.PostAsJsonAsync($"/countries/{Country}/tasks/{hcp.GetProperty("id").GetString()}/complete", answers);
        var review = await WaitForTaskAsync(administrator, "mine=true&state=open", run, "review");

        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var task = await completed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("completed", task.GetProperty("state").GetString());
        Assert.Equal("Figures on complaints, 2022-2025.", task.GetProperty("answers").GetProperty("contribution").GetString());
        await AssertProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Equal("administrator", review.GetProperty("role").GetString());
    }

    [Fact]
    public async Task CompleteTask_WithoutARequiredAnswer_Is400NamingTheField()
    {
        var run = await StartRunAsync("13");
        var justice = await WaitForTaskAsync(Client, "institution=justice", run, "contributions");

        var response = await Client.PostAsJsonAsync($"/countries/{Country}/tasks/{justice.GetProperty("id").GetString()}/complete", new { answers = new { } });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("required", problem.GetProperty("errors").GetProperty("answers.contribution")[0].GetString());
        var unchanged = await Client.GetFromJsonAsync<JsonElement>($"/countries/{Country}/tasks/{justice.GetProperty("id").GetString()}");
        Assert.Equal("open", unchanged.GetProperty("state").GetString());
    }

    [Fact]
    public async Task FocalPoint_TaskOfAnotherInstitution_Is404AndNotListed()
    {
        var run = await StartRunAsync("14");
        var justice = await WaitForTaskAsync(Client, "institution=justice", run, "contributions");
        var hcp = await WaitForTaskAsync(Client, "institution=hcp", run, "contributions");
        var focalPoint = await server.ClientForAsync("focal.mar@demo.nmirf.test");
        var hcpTask = $"/countries/{Country}/tasks/{hcp.GetProperty("id").GetString()}";

        var read = await focalPoint.GetAsync(new Uri(hcpTask, UriKind.Relative));
        var complete = await focalPoint.PostAsJsonAsync(hcpTask + "/complete", new { answers = new { contribution = "Not ours to answer." } });
        var listed = await focalPoint.GetFromJsonAsync<JsonElement>($"/countries/{Country}/tasks?take=1000");
        var own = await focalPoint.GetAsync(new Uri($"/countries/{Country}/tasks/{justice.GetProperty("id").GetString()}", UriKind.Relative));

        await AssertProblemAsync(read, HttpStatusCode.NotFound);
        await AssertProblemAsync(complete, HttpStatusCode.NotFound);
        Assert.Contains(listed.EnumerateArray(), t => t.GetProperty("id").GetString() == justice.GetProperty("id").GetString());
        Assert.All(listed.EnumerateArray(), t => Assert.Equal("justice", t.GetProperty("institution").GetString()));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task RecordMilestone_UnknownName_Is400()
    {
        var run = await StartRunAsync("15");

        var response = await Client.PostAsJsonAsync($"/countries/{Country}/cycle-runs/{run}/milestones", new { milestone = "report-lost-in-the-post", date = "2027-01-10" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("unknown milestone", problem.GetProperty("errors").GetProperty("milestone")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListTasks_UnknownState_Is400ListingTheStates()
    {
        var response = await Client.GetAsync(new Uri($"/countries/{Country}/tasks?state=done", UriKind.Relative));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("open, completed", problem.GetProperty("errors").GetProperty("state")[0].GetString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A country definition for <paramref name="body"/>: contributions asked of two institutions, then a review by the
    /// administrators.
    /// </summary>
    private static string Definition(string id, string body) => $$"""
        {
          "id": "{{id}}", "version": 1, "name": "Contributions ({{body}})", "body": "{{body}}", "country": "{{Country}}",
          "inputs": [ { "name": "dueDate", "type": "date", "required": true } ],
          "steps": [
            {
              "id": "contributions", "type": "data-request", "title": "Contributions to the report",
              "assignees": { "institutions": [ "justice", "hcp" ] },
              "due": { "relativeTo": "cycle-due-date", "offset": "-P3M" },
              "form": { "fields": [ { "name": "contribution", "type": "text", "required": true } ] }
            },
            {
              "id": "review", "type": "task", "title": "Review of the contributions",
              "assignees": { "role": "administrator" },
              "form": { "fields": [ { "name": "notes", "type": "text", "required": false } ] }
            }
          ]
        }
        """;

    private Task<HttpResponseMessage> PostDefinitionAsync(string path, string json) =>
        Client.PostAsync(new Uri($"/countries/{Country}{path}", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Starts a CAT cycle run for report <paramref name="report"/> on the country's own workflow (imported and published once for the class).</summary>
    private async Task<string> StartRunAsync(string report)
    {
        var imported = await PostDefinitionAsync("/workflows", Definition(CycleWorkflow, "cat"));
        Assert.True(imported.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"import: {(int)imported.StatusCode} {await imported.Content.ReadAsStringAsync()}");
        var published = await Client.PostAsync(new Uri($"/countries/{Country}/workflows/{CycleWorkflow}/publish?version=1", UriKind.Relative), null);
        Assert.True(published.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"publish: {(int)published.StatusCode} {await published.Content.ReadAsStringAsync()}");

        var started = await Client.PostAsJsonAsync($"/countries/{Country}/cycle-runs", new { body = "cat", report, dueOn = "2027-05-31" });

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var run = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal($"/countries/{Country}/cycle-runs/{run}", started.Headers.Location?.OriginalString);
        return run;
    }

    /// <summary>The task of <paramref name="run"/> at <paramref name="step"/> in the list <paramref name="query"/> selects, once the engine has created it.</summary>
    private static async Task<JsonElement> WaitForTaskAsync(HttpClient client, string query, string run, string step)
    {
        var deadline = DateTime.UtcNow + StepWait;
        while (true)
        {
            var tasks = await client.GetFromJsonAsync<JsonElement>($"/countries/{Country}/tasks?{query}&take=1000");
            foreach (var task in tasks.EnumerateArray())
            {
                if (task.GetProperty("run").GetString() == run && task.GetProperty("step").GetString() == step)
                {
                    return task;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"no task at step '{step}' of run {run} in /tasks?{query} after {StepWait.TotalSeconds} s");
            await Task.Delay(50);
        }
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
