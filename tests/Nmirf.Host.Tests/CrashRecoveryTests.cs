using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Nmirf.Host.Tests;

/// <summary>
/// The real server, killed while cycles are moving (no graceful stop) and started again on the same database: every
/// instance resumes, no task is lost and none is duplicated.
/// </summary>
public sealed class CrashRecoveryTests(KillableServerFixture server) : IClassFixture<KillableServerFixture>
{
    private const string Country = "MAR";
    private const int Cycles = 8;

    private const string Definition = """
        {
          "id": "mar-cat-crash", "version": 1, "country": "MAR", "body": "cat", "name": "Crash test cycle",
          "steps": [
            { "id": "collect", "type": "data-request", "title": "Contribution", "assignees": { "institutions": ["justice", "hcp"] },
              "form": { "fields": [ { "name": "contribution", "type": "text", "required": true } ] } },
            { "id": "consolidate", "type": "task", "title": "Consolidate", "assignees": { "role": "administrator" } },
            { "id": "await-co", "type": "wait-event", "event": "concluding-observations-adopted" }
          ]
        }
        """;

    private HttpClient Client => server.Client;

    [Fact]
    public async Task KilledMidWay_Restarted_EveryCycleResumesWithNoTaskLostOrDuplicated()
    {
        var imported = await Client.PostAsync(new Uri($"/countries/{Country}/workflows", UriKind.Relative), new StringContent(Definition, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(new Uri($"/countries/{Country}/workflows/mar-cat-crash/publish", UriKind.Relative), null)).StatusCode);
        var runs = new List<string>();
        for (var i = 0; i < Cycles; i++)
        {
            var started = await Client.PostAsJsonAsync($"/countries/{Country}/cycle-runs", new { body = "cat", report = $"crash-{i}", dueOn = "2027-06-30" });
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
            runs.Add((await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }

        var collect = await WaitForAsync(tasks => tasks.Count(t => Step(t) == "collect" && State(t) == "open") == 2 * Cycles);

        // Complete both answers of the first half and one of the second half, then kill the server at once: some
        // completions have moved their workflow, others are committed but not yet acted on.
        var firstHalf = runs.Take(Cycles / 2).ToHashSet();
        foreach (var task in collect.Where(t => Step(t) == "collect").OrderBy(t => t.GetProperty("institution").GetString()))
        {
            var run = t(task, "run");
            if (firstHalf.Contains(run) || task.GetProperty("institution").GetString() == "justice")
            {
                var done = await Client.PostAsJsonAsync($"/countries/{Country}/tasks/{t(task, "id")}/complete", new { answers = new { contribution = "Figures." } });
                Assert.Equal(HttpStatusCode.OK, done.StatusCode);
            }
        }

        server.Kill();
        await server.RestartAsync();

        var after = await WaitForAsync(tasks => tasks.Count(t => Step(t) == "consolidate") == Cycles / 2);
        await Task.Delay(1500);
        after = await AllTasksAsync();
        foreach (var run in runs)
        {
            var mine = after.Where(x => t(x, "run") == run).ToList();
            Assert.Equal(2, mine.Count(x => Step(x) == "collect"));
            Assert.Equal(firstHalf.Contains(run) ? 1 : 0, mine.Count(x => Step(x) == "consolidate"));
        }

        // The cycles left half-answered go on after the restart as before.
        foreach (var task in after.Where(x => Step(x) == "collect" && State(x) == "open"))
        {
            Assert.Equal(HttpStatusCode.OK, (await Client.PostAsJsonAsync($"/countries/{Country}/tasks/{t(task, "id")}/complete", new { answers = new { contribution = "Late figures." } })).StatusCode);
        }

        var final = await WaitForAsync(tasks => tasks.Count(x => Step(x) == "consolidate") == Cycles);
        await Task.Delay(1000);
        final = await AllTasksAsync();
        Assert.Equal(Cycles, final.Count(x => Step(x) == "consolidate"));
        Assert.Equal(2 * Cycles, final.Count(x => Step(x) == "collect" && State(x) == "completed"));
    }

    private static string t(JsonElement task, string property) => task.GetProperty(property).GetString()!;

    private static string Step(JsonElement task) => t(task, "step");

    private static string State(JsonElement task) => t(task, "state");

    private async Task<List<JsonElement>> AllTasksAsync() =>
        [.. (await Client.GetFromJsonAsync<JsonElement>($"/countries/{Country}/tasks?take=1000")).EnumerateArray()];

    private async Task<List<JsonElement>> WaitForAsync(Func<List<JsonElement>, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(40);
        List<JsonElement> tasks;
        do
        {
            try
            {
                tasks = await AllTasksAsync();
                if (condition(tasks))
                {
                    return tasks;
                }
            }
            catch (HttpRequestException)
            {
                // The server is still starting.
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        tasks = await AllTasksAsync();
        Assert.Fail("the expected tasks did not appear; tasks: " + string.Join(", ", tasks.Select(x => $"{Step(x)}:{State(x)}")) + "\n" + server.Log[^Math.Min(4000, server.Log.Length)..]);
        return tasks;
    }
}
