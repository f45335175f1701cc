using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nmirf.Host.Demo;
using Nmirf.Tests.Shared;
using Nmirf.Workflows.Cycles;
using Nmirf.Workflows.Definitions;
using Nmirf.Workflows.Engine;
using Nmirf.Workflows.Contracts;
using Nmirf.Workflows.Tasks;

namespace Nmirf.Workflows.Tests.Engine;

/// <summary>A host with Morocco's demo mandate and the engine running, polling fast so tests wait little.</summary>
internal static class Engines
{
    public static readonly Dictionary<string, string?> FastPolling = new()
    {
        ["Workflows:PollInterval"] = "00:00:00.100",
        ["Workflows:RetryInterval"] = "00:00:01",
    };

    public static async Task<TestHost> StartAsync(DateTimeOffset now)
    {
        var host = await TestHost.CreateAsync(now, FastPolling);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(accounts: false);
            Assert.True(seeded.IsSuccess, string.Join("; ", seeded.Errors));
        }

        await host.Services.GetRequiredService<IWorkflowEngine>().StartAsync();
        return host;
    }

    public static async Task PublishAsync(TestHost host, string json)
    {
        var imported = await host.SendAsync(new ImportDefinition(json));
        Assert.True(imported.IsSuccess, string.Join("; ", imported.Errors));
        var published = await host.SendAsync(new PublishDefinition(imported.Value.Country!, imported.Value.Id));
        Assert.True(published.IsSuccess, string.Join("; ", published.Errors));
    }

    /// <summary>Waits (up to 10 s) until the run has <paramref name="count"/> open tasks of <paramref name="step"/>, and returns them.</summary>
    public static async Task<IReadOnlyList<TaskDto>> OpenTasksAsync(TestHost host, Guid run, string step, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        IReadOnlyList<TaskDto> tasks = [];
        while (DateTime.UtcNow < deadline)
        {
            tasks = [.. (await host.SendAsync(new ListTasks("MAR", State: TaskState.Open))).Value.Where(t => t.Run == run && t.Step == step)];
            if (tasks.Count >= count)
            {
                return tasks;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"expected {count} open task(s) of step {step}, found {tasks.Count}");
        return tasks;
    }

    public static async Task<CycleRunDto> WaitForRunAsync(TestHost host, Guid run, Func<CycleRunDto, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        CycleRunDto shown;
        do
        {
            shown = (await host.SendAsync(new GetCycleRun(run))).Value;
            if (condition(shown))
            {
                return shown;
            }

            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"cycle {run} did not reach the expected state; steps: {string.Join(", ", shown.Steps.Select(s => $"{s.Id}={s.Progress}"))}");
        return shown;
    }

    public static JsonElement Answers(object values) => JsonSerializer.SerializeToElement(values);
}
