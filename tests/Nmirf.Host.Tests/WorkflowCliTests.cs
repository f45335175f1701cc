using System.Text.Json;
using System.Text.RegularExpressions;

namespace Nmirf.Host.Tests;

/// <summary>The workflow, tasks and cycle verbs, in process on a database of their own, as an administrator runs them.</summary>
public sealed partial class WorkflowCliTests : IDisposable
{
    private const string Definition = """
        {
          "id": "mar-crpd-cli", "version": 1, "country": "MAR", "body": "crpd", "name": "CLI cycle",
          "steps": [
            { "id": "collect", "type": "task", "title": "Contribution", "assignees": { "institution": "justice" },
              "form": { "fields": [ { "name": "contribution", "type": "text", "required": true } ] } },
            { "id": "validate", "type": "approval", "title": "Validation", "assignees": { "role": "administrator" }, "onReturn": "collect" }
          ]
        }
        """;

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [GeneratedRegex("started cycle ([0-9a-f-]{36})")]
    private static partial Regex StartedCycle();

    [Fact]
    public async Task WorkflowValidate_BadDefinition_ExitsOneNamingFilePathAndStep()
    {
        var file = _cli.WriteFile("bad.json", Definition.Replace("\"onReturn\": \"collect\"", "\"onReturn\": \"nowhere\"", StringComparison.Ordinal));

        var (exitCode, _, error) = await _cli.RunAsync("workflow", "validate", file);

        Assert.Equal(1, exitCode);
        Assert.Contains("bad.json: $.steps[1].onReturn: (step 'validate'): 'nowhere' is not a step of this workflow", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkflowValidate_MissingFile_ExitsOne()
    {
        var (exitCode, _, error) = await _cli.RunAsync("workflow", "validate", Path.Combine(_cli.WorkFolder, "none.json"));

        Assert.Equal(1, exitCode);
        Assert.Contains("none.json: no such file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPublishStart_ThenCompleteByCli_MovesTheCycleOn()
    {
        await _cli.RunAsync("demo", "seed");
        var file = _cli.WriteFile("mar.json", Definition);
        var answers = _cli.WriteFile("answers.json", """{ "contribution": "Figures for 2023-2026." }""");

        Assert.Equal(0, (await _cli.RunAsync("workflow", "import", file)).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("workflow", "publish", "mar-crpd-cli", "--country", "MAR")).ExitCode);
        var listed = await _cli.RunAsync("workflow", "list", "--country", "MAR", "--json");
        var started = await _cli.RunAsync("cycle", "start", "MAR", "crpd", "--report", "4", "--due", "2027-09-30");
        var run = StartedCycle().Match(started.Out).Groups[1].Value;
        var open = JsonDocument.Parse((await _cli.RunAsync("tasks", "list", "--country", "MAR", "--json")).Out).RootElement.EnumerateArray().ToList();
        var collect = Assert.Single(open, t => t.GetProperty("run").GetString() == run);

        // A milestone no step of this workflow waits for: recorded, it holds up neither this verb nor the next.
        var milestone = await _cli.RunAsync("cycle", "milestone", run, "list-of-issues-received");
        var completed = await _cli.RunAsync("tasks", "complete", collect.GetProperty("id").GetString()!, "--answers", answers);
        var shown = JsonDocument.Parse((await _cli.RunAsync("cycle", "show", run, "--json")).Out).RootElement;
        var diagram = await _cli.RunAsync("workflow", "diagram", "mar-crpd-cli", "--instance", run);

        Assert.Contains(JsonDocument.Parse(listed.Out).RootElement.EnumerateArray(), d => d.GetProperty("id").GetString() == "mar-crpd-cli" && d.GetProperty("state").GetString() == "published");
        Assert.Equal(0, started.ExitCode);
        Assert.Equal(0, completed.ExitCode);
        Assert.Equal(0, milestone.ExitCode);
        Assert.DoesNotContain("still busy", milestone.Out + completed.Out, StringComparison.Ordinal);
        var current = shown.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("progress").GetString() == "current").Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.True(current is ["validate"], $"current steps [{string.Join(", ", current)}]; the cycle: {shown}; started: {started.Out}{started.Error}; completed: {completed.Out}{completed.Error}");
        Assert.Contains("class s_validate current", diagram.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TasksComplete_AnswersNotJson_ExitsOneWithTheLine()
    {
        var answers = _cli.WriteFile("answers.json", "{\n  \"contribution\": \n}");

        var (exitCode, _, error) = await _cli.RunAsync("tasks", "complete", Guid.NewGuid().ToString(), "--answers", answers);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("answers.json:3:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CycleStart_UnknownBody_ExitsOne()
    {
        await _cli.RunAsync("demo", "seed");

        var (exitCode, _, error) = await _cli.RunAsync("cycle", "start", "MAR", "echr", "--due", "2027-01-01");

        Assert.Equal(1, exitCode);
        Assert.Contains("'echr' is not a body any loaded plugin knows", error, StringComparison.Ordinal);
    }
}
