using System.CommandLine;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Nmirf.BuildingBlocks.Persistence;
using Nmirf.Host.Composition;
using Nmirf.Mandates.Contracts;
using Nmirf.Mandates.MandateFiles;
using Nmirf.Workflows;
using Nmirf.Workflows.Cycles;
using Nmirf.Workflows.Definitions;
using Nmirf.Workflows.Engine;
using Nmirf.Workflows.Contracts;
using Nmirf.Workflows.Tasks;

namespace Nmirf.Host.Cli;

/// <summary>
/// <c>nmirf bench workflows</c>: N cycles of one workflow (three data requests in parallel, their join, an approval, a
/// deadline), driven to completion by a simulated set of focal points, once with the kernel's state in SQLite (the
/// product) and once in WorkflowCore's memory store (the baseline), in the same process. Figures only; see
/// docs/benchmarks.md.
/// </summary>
internal static class WorkflowBench
{
    /// <summary>
    /// One run. Latency is from the commit of a data request's last answer to its approval task in the inbox: under
    /// load (while every cycle's tasks are being completed as fast as possible, so it includes the queue), paced (while
    /// tasks are completed at half the rate the loaded part sustained, as a busy day's focal points would) and alone
    /// (one cycle at a time, after the load).
    /// </summary>
    public sealed record RunFigures(
        string Store,
        int Instances,
        int TasksCompleted,
        double Seconds,
        double CpuSeconds,
        long PeakWorkingSetBytes,
        double LatencyUnderLoadP50Milliseconds,
        double LatencyUnderLoadP95Milliseconds,
        double LatencyP50Milliseconds,
        double LatencyP95Milliseconds,
        double PacedTasksPerSecond,
        double LatencyPacedP50Milliseconds,
        double LatencyPacedP95Milliseconds);

    /// <summary>One pair of runs (or one run with <c>--store</c>) and the ratio of their wall times.</summary>
    public sealed record Figures(RunFigures? Database, RunFigures? Memory, double? Ratio);

    /// <summary>Every pair, and the median of their ratios (the figure to compare: machines here are noisy).</summary>
    public sealed record Report(IReadOnlyList<Figures> Runs, double? MedianRatio);

    private const string Definition = """
        {
          "id": "bench-cycle", "version": 1, "country": "MAR", "body": "cat", "name": "Benchmark cycle",
          "steps": [
            { "id": "fan-out", "type": "parallel", "branches": [
              [ { "id": "collect-justice", "type": "data-request", "title": "Contribution", "assignees": { "institution": "justice" },
                  "form": { "fields": [ { "name": "contribution", "type": "text", "required": true } ] } } ],
              [ { "id": "collect-interior", "type": "data-request", "title": "Contribution", "assignees": { "institution": "interieur" },
                  "form": { "fields": [ { "name": "contribution", "type": "text", "required": true } ] } } ],
              [ { "id": "collect-statistics", "type": "data-request", "title": "Contribution", "assignees": { "institution": "hcp" },
                  "form": { "fields": [ { "name": "contribution", "type": "text", "required": true } ] } } ]
            ] },
            { "id": "validate", "type": "approval", "title": "Validation", "assignees": { "role": "administrator" }, "onReturn": "fan-out" },
            { "id": "submission-date", "type": "deadline", "until": { "relativeTo": "cycle-due-date", "offset": "P0D" } }
          ]
        }
        """;

    public static Command Command(TextWriter stdout, TextWriter stderr)
    {
        var count = new Option<int>("--count") { Description = "Cycles to run.", DefaultValueFactory = _ => 2000 };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var only = new Option<KernelStore?>("--store") { Description = "Run one kernel store only (to profile it); the ratio needs both." };
        var runs = new Option<int>("--runs") { Description = "Pairs of runs, one store after the other; the median of their ratios is reported.", DefaultValueFactory = _ => 1 };
        var set = new Option<string[]>("--set") { Description = "An engine setting for both runs, as Workflows:Name=value (repeatable), to compare settings.", AllowMultipleArgumentsPerToken = false };
        var command = new Command("workflows", "Run N cycle workflows to completion on SQLite and on the kernel's memory store; time, CPU, memory, task latency.") { count, json, only, runs, set };
        command.SetAction(async (parsed, ct) =>
        {
            var n = parsed.GetValue(count);
            if (n < 1)
            {
                await stderr.WriteLineAsync("--count: at least 1");
                return CliApp.InvalidInput;
            }

            var pairs = parsed.GetValue(runs);
            if (pairs is < 1 or > 20)
            {
                await stderr.WriteLineAsync("--runs: 1 to 20");
                return CliApp.InvalidInput;
            }

            var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in parsed.GetValue(set) ?? [])
            {
                var at = pair.IndexOf('=', StringComparison.Ordinal);
                if (at < 1 || !pair.StartsWith("Workflows:", StringComparison.OrdinalIgnoreCase))
                {
                    await stderr.WriteLineAsync($"--set {pair}: expected Workflows:Name=value");
                    return CliApp.InvalidInput;
                }

                settings[pair[..at]] = pair[(at + 1)..];
            }

            var folder = Directory.CreateTempSubdirectory("nmirf-bench-workflows-").FullName;
            try
            {
                var store = parsed.GetValue(only);
                // A short run of each store first, not counted: the first run of a process otherwise pays for compiling
                // the code both stores share (the kernel, the module, EF Core), which flattered the store run second.
                await stderr.WriteLineAsync("warming up...");
                foreach (var warm in new[] { KernelStore.Memory, KernelStore.Database }.Where(s => store is null || store == s))
                {
                    await RunAsync(warm, Path.Combine(folder, $"warm-{warm}.db"), Math.Min(n, WarmUpCycles), settings, TextWriter.Null, ct);
                }

                var all = new List<Figures>();
                for (var run = 1; run <= pairs; run++)
                {
                    var memory = store is null or KernelStore.Memory ? await RunAsync(KernelStore.Memory, Path.Combine(folder, $"memory-{run}.db"), n, settings, stderr, ct) : null;
                    var database = store is null or KernelStore.Database ? await RunAsync(KernelStore.Database, Path.Combine(folder, $"database-{run}.db"), n, settings, stderr, ct) : null;
                    all.Add(new Figures(database, memory, database is null || memory is null ? null : database.Seconds / memory.Seconds));
                }

                var ratios = all.Select(f => f.Ratio).OfType<double>().Order().ToList();
                var report = new Report(all, ratios.Count == 0 ? null : ratios.Count % 2 == 1 ? ratios[ratios.Count / 2] : (ratios[ratios.Count / 2 - 1] + ratios[ratios.Count / 2]) / 2);
                if (parsed.GetValue(json))
                {
                    await Output.WriteJsonAsync(stdout, report);
                    return CliApp.Done;
                }

                await Output.WriteTableAsync(stdout, ["RUN", "KERNEL STORE", "CYCLES", "TASKS", "WALL S", "CPU S", "PEAK MB", "LOADED P50 MS", "LOADED P95 MS", "PACED TASKS/S", "PACED P50 MS", "PACED P95 MS", "ALONE P50 MS", "ALONE P95 MS", "RATIO"],
                    all.SelectMany((figures, i) => new[] { figures.Database, figures.Memory }.OfType<RunFigures>().Select(f => (Run: i + 1, Figures: f, figures.Ratio))).Select(row => new[]
                    {
                        row.Run.ToString(CultureInfo.InvariantCulture), row.Figures.Store, row.Figures.Instances.ToString(CultureInfo.InvariantCulture), row.Figures.TasksCompleted.ToString(CultureInfo.InvariantCulture),
                        row.Figures.Seconds.ToString("F1", CultureInfo.InvariantCulture), row.Figures.CpuSeconds.ToString("F1", CultureInfo.InvariantCulture),
                        (row.Figures.PeakWorkingSetBytes / 1024.0 / 1024).ToString("F0", CultureInfo.InvariantCulture),
                        row.Figures.LatencyUnderLoadP50Milliseconds.ToString("F0", CultureInfo.InvariantCulture), row.Figures.LatencyUnderLoadP95Milliseconds.ToString("F0", CultureInfo.InvariantCulture),
                        row.Figures.PacedTasksPerSecond.ToString("F0", CultureInfo.InvariantCulture),
                        row.Figures.LatencyPacedP50Milliseconds.ToString("F0", CultureInfo.InvariantCulture), row.Figures.LatencyPacedP95Milliseconds.ToString("F0", CultureInfo.InvariantCulture),
                        row.Figures.LatencyP50Milliseconds.ToString("F0", CultureInfo.InvariantCulture), row.Figures.LatencyP95Milliseconds.ToString("F0", CultureInfo.InvariantCulture),
                        row.Ratio?.ToString("F2", CultureInfo.InvariantCulture) ?? "",
                    }));
                if (report.MedianRatio is { } ratio)
                {
                    await stdout.WriteLineAsync($"ratio database / memory: {ratio:F2}" + (all.Count > 1 ? $" (median of {all.Count})" : ""));
                }

                return CliApp.Done;
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }
        });
        return command;
    }

    private static async Task<RunFigures> RunAsync(KernelStore store, string database, int count, IReadOnlyDictionary<string, string?> settings, TextWriter log, CancellationToken ct)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Nmirf"] = $"Data Source={database}",
            ["Workflows:Store"] = store.ToString(),
            ["Workflows:Timers:AutoStartLead"] = "",
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddNmirf(configuration).BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        await SendAsync(services, new ImportMandate(new MandateDocument
        {
            Country = new CountryDto { Code = "MAR", Name = "Morocco" },
            Institutions =
            [
                new InstitutionDto { Code = "justice", Name = "Justice", Kind = InstitutionKind.Ministry, Role = MechanismRole.Member },
                new InstitutionDto { Code = "interieur", Name = "Interior", Kind = InstitutionKind.Ministry, Role = MechanismRole.Member },
                new InstitutionDto { Code = "hcp", Name = "Statistics", Kind = InstitutionKind.Agency, Role = MechanismRole.Member },
            ],
        }), ct);
        Check(await SendAsync(services, new ImportDefinition(Definition), ct));
        Check(await SendAsync(services, new PublishDefinition("MAR", "bench-cycle"), ct));

        var engine = services.GetRequiredService<IWorkflowEngine>();
        await engine.StartAsync(ct);
        await log.WriteLineAsync($"{store}: {count:N0} cycles...");
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        using var sampling = new CancellationTokenSource();
        var peak = 0L;
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(50, CancellationToken.None);
            }
        }, CancellationToken.None);

        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        for (var i = 0; i < count; i++)
        {
            Check(await SendAsync(services, new StartCycle("MAR", "cat", $"b{i}", due), ct));
        }

        // The last answer of each cycle's data requests, and when its approval was first seen in the inbox.
        var joinedAt = new ConcurrentDictionary<Guid, TimeSpan>();
        var seenAt = new ConcurrentDictionary<Guid, TimeSpan>();
        var answered = new ConcurrentDictionary<Guid, int>();
        using var observing = new CancellationTokenSource();
        var observer = Task.Run(async () =>
        {
            while (!observing.IsCancellationRequested)
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
                var runs = await db.Tasks.AsNoTracking().Where(t => t.State == TaskState.Open && t.StepId == "validate").Select(t => t.RunId).ToListAsync(CancellationToken.None);
                var now = wall.Elapsed;
                foreach (var run in runs)
                {
                    seenAt.TryAdd(run, now);
                }

                await Task.Delay(10, CancellationToken.None);
            }
        }, CancellationToken.None);

        var completed = 0;
        var answers = JsonSerializer.SerializeToElement(new { contribution = "Figures for the period under review." });
        var approve = JsonSerializer.SerializeToElement(new { decision = "approve" });
        while (true)
        {
            var open = await QueryAsync(services, new ListTasks("MAR", State: TaskState.Open, Take: 1000), ct);
            if (open.Value.Count == 0)
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
                if (await db.Runs.CountAsync(r => r.State == RunState.Completed, ct) == count)
                {
                    break;
                }

                await Task.Delay(5, ct);
                continue;
            }

            foreach (var task in open.Value)
            {
                var validate = task.Step == "validate";
                Check(await SendAsync(services, new CompleteTask(task.Id, validate ? approve : answers), ct));
                completed++;
                if (!validate && answered.AddOrUpdate(task.Run, 1, (_, n) => n + 1) == 3)
                {
                    joinedAt[task.Run] = wall.Elapsed;
                }
            }
        }

        var seconds = wall.Elapsed.TotalSeconds;
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;

        // Paced: more cycles, their tasks completed one at a time at half the rate the loaded part sustained.
        var rate = completed / seconds / 2;
        var paced = new HashSet<Guid>();
        for (var i = 0; i < Math.Min(count, PacedCycles); i++)
        {
            paced.Add((await SendAsync(services, new StartCycle("MAR", "cat", $"q{i}", due), ct)).Value.Id);
        }

        // The pace is kept by the completions only: the cycles' first tasks are all in the inbox before it starts (a
        // burst of starts is the loaded part's subject, not this one's).
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
            if (await db.Tasks.CountAsync(t => paced.Contains(t.RunId) && t.State == TaskState.Open, ct) == paced.Count * FirstTasksPerCycle)
            {
                break;
            }

            await Task.Delay(5, ct);
        }

        var pacing = Stopwatch.StartNew();
        var pacedTasks = 0;
        while (true)
        {
            var open = await QueryAsync(services, new ListTasks("MAR", State: TaskState.Open, Take: 1000), ct);
            if (open.Value.Count == 0)
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
                if (await db.Runs.CountAsync(r => paced.Contains(r.Id) && r.State == RunState.Completed, ct) == paced.Count)
                {
                    break;
                }

                await Task.Delay(5, ct);
                continue;
            }

            foreach (var task in open.Value)
            {
                var wait = TimeSpan.FromSeconds(pacedTasks / rate) - pacing.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, ct);
                }

                var validate = task.Step == "validate";
                Check(await SendAsync(services, new CompleteTask(task.Id, validate ? approve : answers), ct));
                pacedTasks++;
                if (!validate && answered.AddOrUpdate(task.Run, 1, (_, n) => n + 1) == 3)
                {
                    joinedAt[task.Run] = wall.Elapsed;
                }
            }
        }

        var pacedRate = pacedTasks / pacing.Elapsed.TotalSeconds;
        await observing.CancelAsync();
        await sampling.CancelAsync();
        await observer;
        await sampler;
        var underLoad = joinedAt.Where(j => !paced.Contains(j.Key) && seenAt.ContainsKey(j.Key)).Select(j => Math.Max(0, (seenAt[j.Key] - j.Value).TotalMilliseconds)).Order().ToList();
        var underPace = joinedAt.Where(j => paced.Contains(j.Key) && seenAt.ContainsKey(j.Key)).Select(j => Math.Max(0, (seenAt[j.Key] - j.Value).TotalMilliseconds)).Order().ToList();

        var alone = new List<double>();
        for (var i = 0; i < Probes; i++)
        {
            alone.Add(await ProbeAsync(services, $"p{i}", due, answers, approve, ct));
        }

        await engine.StopAsync(ct);
        alone.Sort();
        return new RunFigures(store.ToString(), count, completed, seconds, cpuSeconds, peak, Percentile(underLoad, 0.50), Percentile(underLoad, 0.95), Percentile(alone, 0.50), Percentile(alone, 0.95),
            pacedRate, Percentile(underPace, 0.50), Percentile(underPace, 0.95));
    }

    private const int Probes = 100;

    private const int PacedCycles = 200;

    /// <summary>The definition's three data requests, open from its start.</summary>
    private const int FirstTasksPerCycle = 3;

    private const int WarmUpCycles = 100;

    /// <summary>One cycle alone: answers two data requests, then times the last answer until the approval is in the inbox.</summary>
    private static async Task<double> ProbeAsync(ServiceProvider services, string report, DateOnly due, JsonElement answers, JsonElement approve, CancellationToken ct)
    {
        var run = (await SendAsync(services, new StartCycle("MAR", "cat", report, due), ct)).Value.Id;
        var collect = await PollAsync(services, db => db.Tasks.AsNoTracking().Where(t => t.RunId == run && t.State == TaskState.Open).Select(t => t.Id).ToListAsync(ct), ids => ids.Count == 3, ct);
        Check(await SendAsync(services, new CompleteTask(collect[0], answers), ct));
        Check(await SendAsync(services, new CompleteTask(collect[1], answers), ct));
        var clock = Stopwatch.StartNew();
        Check(await SendAsync(services, new CompleteTask(collect[2], answers), ct));
        var validate = await PollAsync(services, db => db.Tasks.AsNoTracking().Where(t => t.RunId == run && t.StepId == "validate").Select(t => t.Id).ToListAsync(ct), ids => ids.Count == 1, ct);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        Check(await SendAsync(services, new CompleteTask(validate[0], approve), ct));
        await PollAsync(services, db => db.Runs.AsNoTracking().Where(r => r.Id == run && r.State == RunState.Completed).Select(r => r.Id).ToListAsync(ct), ids => ids.Count == 1, ct);
        return elapsed;
    }

    private static async Task<List<Guid>> PollAsync(ServiceProvider services, Func<WorkflowsDbContext, Task<List<Guid>>> query, Func<List<Guid>, bool> done, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var found = await query(scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>());
                if (done(found))
                {
                    return found;
                }
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException("A benchmark cycle did not move within a minute.");
            }

            await Task.Delay(2, ct);
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static void Check<T>(BuildingBlocks.Errors.Result<T> result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException("The benchmark's workflow failed: " + string.Join("; ", result.Errors));
        }
    }

    private static Task<T> SendAsync<T>(IServiceProvider services, ICommand<T> command, CancellationToken ct) => BenchCommands.SendAsync(services, command, ct);

    private static Task<T> QueryAsync<T>(IServiceProvider services, IQuery<T> query, CancellationToken ct) => BenchCommands.QueryAsync(services, query, ct);
}
