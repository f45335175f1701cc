using System.CommandLine;
using System.Diagnostics;
using Bogus;
using Nmirf.BuildingBlocks.Bodies;
using Nmirf.BuildingBlocks.Persistence;
using Nmirf.Drafting.Reports;
using Nmirf.Drafting.Templates;
using Nmirf.Drafting.Use;
using Nmirf.Host.Composition;

namespace Nmirf.Host.Cli;

/// <summary>
/// <c>nmirf bench drafting</c>: a periodic report answering N previous recommendations with their progress (Bogus,
/// fixed seed), rendered to DOCX by the real pipeline (template, sandbox, Markdown, Word), against the bare Scriban
/// render of the same template and model in the same run. Figures only; see docs/benchmarks.md.
/// </summary>
internal static class DraftingBench
{
    public sealed record DraftingFigures(
        int Recommendations,
        int Words,
        int Paragraphs,
        long DocxBytes,
        int Runs,
        double FirstMilliseconds,
        double FullP50Milliseconds,
        double FullMinMilliseconds,
        double BareP50Milliseconds,
        double BareMinMilliseconds,
        double Ratio,
        long AllocatedBytesPerDraft,
        long PeakWorkingSetBytes);

    public static Command Command(TextWriter stdout, TextWriter stderr)
    {
        var count = new Option<int>("--count") { Description = "Previous recommendations the report answers.", DefaultValueFactory = _ => 300 };
        var runs = new Option<int>("--runs") { Description = "Timed runs of each (after two warm-up runs).", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var command = new Command("drafting", "Render a periodic report with N previous recommendations to DOCX, against the bare Scriban render.") { count, runs, json };
        command.SetAction(async (parsed, ct) =>
        {
            var figures = await RunAsync(Math.Max(1, parsed.GetValue(count)), Math.Max(1, parsed.GetValue(runs)), stderr, ct);
            if (parsed.GetValue(json))
            {
                await Output.WriteJsonAsync(stdout, figures);
                return CliApp.Done;
            }

            await stdout.WriteLineAsync($"{figures.Recommendations} recommendations: {figures.Words:N0} words, {figures.Paragraphs:N0} numbered paragraphs, {figures.DocxBytes / 1024.0:F0} KiB of DOCX");
            await stdout.WriteLineAsync($"first draft of the process (code not yet compiled): {figures.FirstMilliseconds:F0} ms");
            await stdout.WriteLineAsync($"full draft to DOCX: p50 {figures.FullP50Milliseconds:F1} ms, min {figures.FullMinMilliseconds:F1} ms ({figures.Runs} runs); {figures.AllocatedBytesPerDraft / 1024.0 / 1024:F1} MB allocated per draft");
            await stdout.WriteLineAsync($"bare Scriban render:  p50 {figures.BareP50Milliseconds:F1} ms, min {figures.BareMinMilliseconds:F1} ms; ratio {figures.Ratio:F2}");
            await stdout.WriteLineAsync($"peak working set: {figures.PeakWorkingSetBytes / 1024.0 / 1024:F0} MB");
            return CliApp.Done;
        });
        return command;
    }

    private static async Task<DraftingFigures> RunAsync(int count, int runs, TextWriter log, CancellationToken ct)
    {
        var database = Path.Combine(Path.GetTempPath(), $"nmirf-bench-drafting-{Guid.NewGuid():N}.db");
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Nmirf"] = $"Data Source={database}" }).Build();
            await using var services = new ServiceCollection().AddLogging().AddNmirf(configuration).BuildServiceProvider();
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            await using var scope = services.CreateAsyncScope();
            var provider = scope.ServiceProvider;
            var store = provider.GetRequiredService<TemplateStore>();
            var drafts = provider.GetRequiredService<DraftHandlers>();
            var body = provider.GetRequiredService<IBodyCatalog>().Find("ccpr") ?? throw new InvalidOperationException("the ccpr plugin is not loaded");
            var name = new TemplateName("ccpr", "periodic-report", "en");
            var template = await store.FindAsync(name, null, ct) ?? throw new InvalidOperationException($"no template {name}");
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var model = SampleReport.Create(body.Descriptor, name.Document, name.Language, today, Recommendations(count, today));
            await log.WriteLineAsync($"{count} recommendations, template {name} from {template.Origin.ToString().ToLowerInvariant()}...");

            async Task<string> BareAsync()
            {
                var rendered = await drafts.RenderTemplateAsync(name, template, model, ct);
                return rendered.IsSuccess ? rendered.Value.Markdown : throw new InvalidOperationException(string.Join("; ", rendered.Errors));
            }

            async Task<Draft> FullAsync()
            {
                var draft = await drafts.RenderAsync(name, template, model, DraftFormat.Docx, ct);
                return draft.IsSuccess ? draft.Value : throw new InvalidOperationException(string.Join("; ", draft.Errors));
            }

            var first = Stopwatch.StartNew();
            Draft last = await FullAsync();
            var firstMilliseconds = first.Elapsed.TotalMilliseconds;
            await BareAsync();
            await FullAsync();
            await BareAsync();
            var full = new List<double>();
            var bare = new List<double>();
            long allocated = 0;
            for (var i = 0; i < runs; i++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                last = await FullAsync();
                full.Add(watch.Elapsed.TotalMilliseconds);
                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
                watch.Restart();
                await BareAsync();
                bare.Add(watch.Elapsed.TotalMilliseconds);
            }

            full.Sort();
            bare.Sort();
            var fullP50 = full[full.Count / 2];
            var bareP50 = bare[bare.Count / 2];
            using var process = Process.GetCurrentProcess();
            return new DraftingFigures(
                count, last.Words.Counted, last.Paragraphs, last.Content.LongLength, runs, firstMilliseconds, fullP50, full[0], bareP50, bare[0], fullP50 / bareP50, allocated / runs, process.PeakWorkingSet64);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(database);
        }
    }

    /// <summary>Previous recommendations shaped like concluding observations, each with one or two progress updates (fixed seed).</summary>
    private static List<RecommendationInfo> Recommendations(int count, DateOnly today)
    {
        var faker = new Faker("en") { Random = new Randomizer(20261202) };
        var statuses = new[] { "not-started", "in-progress", "partially-implemented", "implemented" };
        var institutions = new[] { "ministry-of-justice", "ministry-of-interior", "ministry-of-health", "ministry-of-education" };
        return Enumerable.Range(1, count).Select(i =>
        {
            var article = faker.Random.Int(1, 27);
            var text = $"The State party should, in line with article {article} of the Covenant, {faker.Lorem.Sentence(11).TrimEnd('.').ToLowerInvariant()}.";
            var progress = Enumerable.Range(0, faker.Random.Int(1, 2))
                .Select(k => new ProgressInfo(today.AddMonths(-faker.Random.Int(1, 36)), faker.PickRandom(institutions), faker.Lorem.Sentence(10), [], k == 0 ? ["Annual report (PDF)"] : []))
                .ToList();
            return new RecommendationInfo(
                Guid.Empty, "CCPR/C/SMP/CO/6", (10 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), text, "recommendation", faker.PickRandom(statuses), null,
                faker.PickRandom(institutions), [faker.PickRandom(institutions)], [faker.Lorem.Word()], [], [], i % 40 == 0, null, null, progress);
        }).ToList();
    }
}
