using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Mediator;
using Microsoft.Data.Sqlite;
using Nmirf.BuildingBlocks.Persistence;
using Nmirf.BuildingBlocks.Tenancy;
using Nmirf.Host.Composition;
using Nmirf.Mandates.Contracts;
using Nmirf.Mandates.MandateFiles;
using Nmirf.Recommendations.Contracts;
using Nmirf.Recommendations.Importing;
using Nmirf.Recommendations.Use;

namespace Nmirf.Host.Cli;

/// <summary>
/// <c>nmirf bench recommendations</c>: generate UHRI-shaped records (fixed seed), import them into a fresh SQLite
/// database through the real import, then the same rows through a plain batched insert (the floor), then typical list
/// queries over them. Figures only; nothing is asserted. See docs/benchmarks.md.
/// </summary>
internal static class BenchCommands
{
    public sealed record QueryFigure(string Query, int Results, double P50Milliseconds, double P95Milliseconds);

    public sealed record RecommendationsFigures(
        int Records,
        long FileBytes,
        double ImportSeconds,
        double ImportCpuSeconds,
        double PlainInsertSeconds,
        double Ratio,
        long PeakWorkingSetBytes,
        IReadOnlyList<QueryFigure> Queries);

    public static Command Bench(TextWriter stdout, TextWriter stderr)
    {
        var count = new Option<int>("--count") { Description = "Records to generate and import.", DefaultValueFactory = _ => 250_000 };
        var runs = new Option<int>("--runs") { Description = "Runs of each query.", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var keep = new Option<string?>("--keep") { Description = "Keep the benchmark's databases in this folder (to study query plans)." };
        var recommendations = new Command("recommendations", "Import N UHRI records into SQLite and time typical queries over them.") { count, runs, json, keep };
        recommendations.SetAction(async (parsed, ct) =>
        {
            if (parsed.GetValue(keep) is { } folder && Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            {
                await stderr.WriteLineAsync($"--keep: '{folder}' is not empty; give a new or empty folder for the benchmark's databases");
                return CliApp.InvalidInput;
            }

            var figures = await RunAsync(parsed.GetValue(count), parsed.GetValue(runs), parsed.GetValue(keep), stderr, ct);
            if (parsed.GetValue(json))
            {
                await Output.WriteJsonAsync(stdout, figures);
                return CliApp.Done;
            }

            await stdout.WriteLineAsync($"{figures.Records:N0} records ({figures.FileBytes / 1024.0 / 1024:F0} MB of UHRI JSON)");
            await stdout.WriteLineAsync($"import: {figures.ImportSeconds:F1} s wall, {figures.ImportCpuSeconds:F1} s CPU; plain batched insert: {figures.PlainInsertSeconds:F1} s; ratio {figures.Ratio:F2}");
            await stdout.WriteLineAsync($"peak working set: {figures.PeakWorkingSetBytes / 1024.0 / 1024:F0} MB");
            await Output.WriteTableAsync(stdout, ["QUERY", "RESULTS", "P50 MS", "P95 MS"], figures.Queries.Select(q => new[]
            {
                q.Query, q.Results.ToString(CultureInfo.InvariantCulture), q.P50Milliseconds.ToString("F1", CultureInfo.InvariantCulture), q.P95Milliseconds.ToString("F1", CultureInfo.InvariantCulture),
            }));
            return CliApp.Done;
        });
        return new Command("bench", "Benchmarks (figures for docs/benchmarks.md).") { recommendations, WorkflowBench.Command(stdout, stderr), DraftingBench.Command(stdout, stderr) };
    }

    private static async Task<RecommendationsFigures> RunAsync(int count, int runs, string? keep, TextWriter log, CancellationToken ct)
    {
        var folder = keep is null ? Directory.CreateTempSubdirectory("nmirf-bench-").FullName : Directory.CreateDirectory(keep).FullName;
        try
        {
            var file = Path.Combine(folder, "uhri.json");
            await log.WriteLineAsync($"generating {count:N0} records...");
            await using (var output = File.Create(file))
            {
                await UhriGenerator.WriteAsync(output, count, country: "MAR", ct: ct);
            }

            await using var services = Services(Path.Combine(folder, "import.db"));
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
            await SendAsync(services, new ImportMandate(new MandateDocument
            {
                Country = new CountryDto { Code = "MAR", Name = "Morocco" },
                Institutions = [new InstitutionDto { Code = "justice", Name = "Ministry of Justice", Kind = InstitutionKind.Ministry, Role = MechanismRole.Member }],
            }), ct);

            await log.WriteLineAsync("importing...");
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            await using (var input = File.OpenRead(file))
            {
                var result = await SendAsync(services, new ImportRecommendations("MAR", input, "uhri.json", RecommendationFormat.UhriJson), ct);
                if (!result.IsSuccess)
                {
                    throw new InvalidOperationException("The generated file does not import: " + string.Join("; ", result.Errors.Take(5)));
                }
            }

            var importSeconds = clock.Elapsed.TotalSeconds;
            process.Refresh();
            var importCpu = (process.TotalProcessorTime - cpu).TotalSeconds;
            var peak = process.PeakWorkingSet64;

            await log.WriteLineAsync("plain batched insert...");
            var plain = await PlainInsertAsync(file, Path.Combine(folder, "plain.db"), ct);

            await log.WriteLineAsync("queries...");
            var queries = await QueriesAsync(services, runs, ct);
            return new RecommendationsFigures(count, new FileInfo(file).Length, importSeconds, importCpu, plain, importSeconds / plain, peak, queries);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (keep is null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static ServiceProvider Services(string database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Nmirf"] = $"Data Source={database}" }).Build();
        return new ServiceCollection().AddLogging().AddNmirf(configuration).BuildServiceProvider();
    }

    internal static async Task<T> SendAsync<T>(IServiceProvider services, ICommand<T> command, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Use("bench");
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, ct);
    }

    internal static async Task<T> QueryAsync<T>(IServiceProvider services, IQuery<T> query, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query, ct);
    }

    private static readonly string[] InsertParameters = ["$id", "$key", "$annotation", "$body", "$symbol", "$paragraph", "$text", "$published", "$type", "$cycle", "$session", "$response"];

    /// <summary>The floor: the same records, read by the same reader, inserted with prepared statements in one transaction.</summary>
    private static async Task<double> PlainInsertAsync(string file, string database, CancellationToken ct)
    {
        await using var services = Services(database);
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        SqliteConnection.ClearAllPools();
        var clock = Stopwatch.StartNew();
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync(ct);
        await using (var settings = connection.CreateCommand())
        {
            // The product's connection settings (page cache, temporary storage), so that the ratio compares the work.
            settings.CommandText = Nmirf.Persistence.Sqlite.SqliteDatabaseEngine.ConnectionPragmas;
            await settings.ExecuteNonQueryAsync(ct);
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO recommendations_Recommendations ("Id","CountryCode","Key","AnnotationId","Body","Symbol","Paragraph","Text","PublicationDate","Type","UprCycle","UprSession","Response","Status","FollowUp")
            VALUES ($id,'MAR',$key,$annotation,$body,$symbol,$paragraph,$text,$published,$type,$cycle,$session,$response,'NotStarted',0)
            """;
        var parameters = InsertParameters.ToDictionary(n => n, n => insert.Parameters.Add(new SqliteParameter { ParameterName = n }));
        await using var tag = connection.CreateCommand();
        tag.Transaction = transaction;
        tag.CommandText = "INSERT OR IGNORE INTO recommendations_Tags (\"RecommendationId\",\"CountryCode\",\"Kind\",\"Value\") VALUES ($id,'MAR',$kind,$value)";
        var tagId = tag.Parameters.Add(new SqliteParameter { ParameterName = "$id" });
        var tagKind = tag.Parameters.Add(new SqliteParameter { ParameterName = "$kind" });
        var tagValue = tag.Parameters.Add(new SqliteParameter { ParameterName = "$value" });
        await using var input = File.OpenRead(file);
        await foreach (var item in RecommendationReaders.ReadAsync(input, RecommendationFormat.UhriJson, ReadOptions.Default, ct))
        {
            if (item.Record is not { } r)
            {
                continue;
            }

            var id = Guid.CreateVersion7().ToString().ToUpperInvariant();
            object Db(object? value) => value ?? DBNull.Value;
            parameters["$id"].Value = id;
            parameters["$key"].Value = r.AnnotationId!;
            parameters["$annotation"].Value = Db(r.AnnotationId);
            parameters["$body"].Value = r.Body;
            parameters["$symbol"].Value = Db(r.Symbol);
            parameters["$paragraph"].Value = Db(r.Paragraph);
            parameters["$text"].Value = r.Text;
            parameters["$published"].Value = Db(r.PublicationDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            parameters["$type"].Value = r.Type.ToString();
            parameters["$cycle"].Value = Db(r.UprCycle);
            parameters["$session"].Value = Db(r.UprSession);
            parameters["$response"].Value = Db(r.Response?.ToString());
            await insert.ExecuteNonQueryAsync(ct);
            foreach (var (kind, value) in r.Themes.Select(v => ("Theme", v)).Concat(r.AffectedPersons.Select(v => ("AffectedPersons", v)))
                .Concat(r.SdgGoals.Select(v => ("SdgGoal", v))).Concat(r.SdgTargets.Select(v => ("SdgTarget", v))).Concat(r.RecommendingStates.Select(v => ("RecommendingState", v))))
            {
                tagId.Value = id;
                tagKind.Value = kind;
                tagValue.Value = value;
                await tag.ExecuteNonQueryAsync(ct);
            }
        }

        await transaction.CommitAsync(ct);
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<IReadOnlyList<QueryFigure>> QueriesAsync(IServiceProvider services, int runs, CancellationToken ct)
    {
        var first = (await QueryAsync(services, new ListRecommendations("MAR", new RecommendationFilter(), 1, 1), ct)).Value.Items[0];
        var cases = new (string Name, Func<Task<int>> Run)[]
        {
            ("first page, no filter", async () => (await QueryAsync(services, new ListRecommendations("MAR", new RecommendationFilter()), ct)).Value.Total),
            ("page 100, no filter", async () => (await QueryAsync(services, new ListRecommendations("MAR", new RecommendationFilter(), 100), ct)).Value.Items.Count),
            ("body = cedaw", async () => (await QueryAsync(services, new ListRecommendations("MAR", new RecommendationFilter { Body = "cedaw" }), ct)).Value.Total),
            ("theme", async () => (await QueryAsync(services, new ListRecommendations("MAR", new RecommendationFilter { Theme = first.Themes.Count > 0 ? first.Themes[0] : "Women" }), ct)).Value.Total),
            ("SDG target 16.2", async () => (await QueryAsync(services, new ListRecommendations("MAR", new RecommendationFilter { Sdg = "16.2" }), ct)).Value.Total),
            ("UPR cycle 3, supported", async () => (await QueryAsync(services, new ListRecommendations("MAR", new RecommendationFilter { UprCycle = 3, Response = UprResponse.Supported }), ct)).Value.Total),
            // The generated texts are Lorem Ipsum: the words searched are frequent ones, the worst case for a count.
            ("full text: 'voluptatem'", async () => (await QueryAsync(services, new ListRecommendations("MAR", new RecommendationFilter { Query = "voluptatem" }), ct)).Value.Total),
            ("full text: 'quia aut' + body = upr", async () => (await QueryAsync(services, new ListRecommendations("MAR", new RecommendationFilter { Query = "quia aut", Body = "upr" }), ct)).Value.Total),
            ("status = not-started, institution", async () => (await QueryAsync(services, new ListRecommendations("MAR", new RecommendationFilter { Status = ImplementationStatus.NotStarted, Institution = "justice" }), ct)).Value.Total),
            ("summary (status, institution, body, SDG)", async () => (await QueryAsync(services, new SummarizeRecommendations("MAR", new RecommendationFilter()), ct)).Value.Total),
        };

        var figures = new List<QueryFigure>();
        foreach (var (name, run) in cases)
        {
            var results = await run();
            var times = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var clock = Stopwatch.StartNew();
                await run();
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            figures.Add(new QueryFigure(name, results, times[times.Count / 2], times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)]));
        }

        return figures;
    }
}
