using Mediator;
using Microsoft.EntityFrameworkCore;
using Nmirf.BuildingBlocks.Bodies;
using Nmirf.BuildingBlocks.Countries;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.BuildingBlocks.Persistence;
using Nmirf.BuildingBlocks.Tenancy;
using Nmirf.Mandates.Countries;
using Nmirf.Recommendations.Importing;
using Nmirf.Recommendations.Model;
using Nmirf.Reporting.Cycles;

namespace Nmirf.Recommendations.Use;

/// <summary>What an import read and did (or, in a dry run, would do).</summary>
public sealed record ImportSummary(
    string Country,
    string FileName,
    RecommendationFormat Format,
    bool DryRun,
    bool Applied,
    int Read,
    int Created,
    int Updated,
    int Unchanged,
    int OtherCountries,
    IReadOnlyList<ReadProblem> Skipped);

/// <summary>
/// Imports recommendations from a file into <paramref name="Country"/>: idempotent (the natural key is the UHRI
/// annotation id when present, else symbol and paragraph; a re-import with edits updates in place), streaming, all
/// or nothing unless <paramref name="SkipInvalid"/>. Rows of other countries are left out, or, with
/// <paramref name="AllCountries"/>, imported into their own country when it exists here.
/// </summary>
public sealed record ImportRecommendations(
    string Country,
    Stream Content,
    string FileName,
    RecommendationFormat? Format = null,
    string? Symbol = null,
    bool DryRun = false,
    bool SkipInvalid = false,
    bool AllCountries = false,
    IProgress<int>? Progress = null) : ICommand<Result<ImportSummary>>;

internal sealed class ImportRecommendationsHandler(RecommendationsDbContext db, IBodyCatalog bodies, ISender sender, TimeProvider clock, IActorContext actor)
    : ICommandHandler<ImportRecommendations, Result<ImportSummary>>
{
    private const int BatchSize = 1000;
    private const int MaxProblemsListed = 1000;
    private const int AnalyzeAfter = 1000;

    public async ValueTask<Result<ImportSummary>> Handle(ImportRecommendations command, CancellationToken cancellationToken)
    {
        var country = await sender.Send(new GetCountry(command.Country), cancellationToken);
        if (!country.IsSuccess)
        {
            return Result<ImportSummary>.Failure(country.Errors);
        }

        var (stream, format) = await DetectAsync(command, cancellationToken);
        if (!format.IsSuccess)
        {
            return Result<ImportSummary>.Failure(format.Errors);
        }

        var countries = (await sender.Send(new ListCountries(), cancellationToken)).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var cycles = await CyclesBySymbolAsync(command.AllCountries ? countries : [command.Country], cancellationToken);
        var options = new ReadOptions { Symbol = command.Symbol, Country = command.Country };
        var validator = new RecordValidator(bodies.Bodies.Select(b => b.Id).ToHashSet(StringComparer.Ordinal), options);
        var run = new ImportRun
        {
            CountryCode = command.Country,
            FileName = Path.GetFileName(command.FileName),
            Format = format.Value,
            StartedAt = clock.GetUtcNow().UtcDateTime,
            RecordedBy = actor.Actor,
        };

        var problems = new List<ReadProblem>();
        var failed = false;
        var batch = new List<(RecommendationRecord Record, string Country)>(BatchSize);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await foreach (var item in RecommendationReaders.ReadAsync(stream, format.Value, options, cancellationToken))
        {
            if (item.Problem is { } problem)
            {
                failed |= problem.StopsReading || !command.SkipInvalid;
                AddProblem(problems, problem, run);
                if (problem.StopsReading)
                {
                    break;
                }

                continue;
            }

            var record = item.Record!;
            run.Read++;
            if (run.Read % 1000 == 0)
            {
                command.Progress?.Report(run.Read);
            }

            var target = TargetCountry(record, command.Country, command.AllCountries, countries);
            if (target is null)
            {
                run.OtherCountries++;
                continue;
            }

            var recordProblems = validator.Check(record);
            if (recordProblems.Count > 0)
            {
                failed |= !command.SkipInvalid;
                foreach (var p in recordProblems)
                {
                    AddProblem(problems, p, run);
                }

                continue;
            }

            if (failed)
            {
                continue;
            }

            batch.Add((record, target));
            if (batch.Count == BatchSize)
            {
                await WriteBatchAsync(batch, run, cycles, cancellationToken);
                batch.Clear();
            }
        }

        if (!failed && batch.Count > 0)
        {
            await WriteBatchAsync(batch, run, cycles, cancellationToken);
        }

        command.Progress?.Report(run.Read);
        var applied = !failed && !command.DryRun;
        if (applied)
        {
            db.ImportRuns.Add(run);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (run.Created + run.Updated >= AnalyzeAfter && db.HasFullTextTable)
            {
                // SQLite plans its queries from statistics it gathers only when asked: after a large import the
                // tag filters are planned from the tags (a few thousand rows), not by scanning the country's rows.
                await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
            }
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        var summary = new ImportSummary(command.Country, run.FileName, run.Format, command.DryRun, applied, run.Read, run.Created, run.Updated, run.Unchanged, run.OtherCountries, problems);
        return failed && problems.Count > 0
            ? Result<ImportSummary>.Failure(problems.Select(p => p.ToError()).ToList())
            : summary;
    }

    private static void AddProblem(List<ReadProblem> problems, ReadProblem problem, ImportRun run)
    {
        run.Skipped++;
        if (problems.Count < MaxProblemsListed)
        {
            problems.Add(problem);
        }
    }

    /// <summary>The country a record goes to: the target when the record names it (or names none), else its own when asked for.</summary>
    private static string? TargetCountry(RecommendationRecord record, string target, bool allCountries, HashSet<string> known)
    {
        if (record.Countries.Count == 0 || record.Countries.Contains(target, StringComparer.OrdinalIgnoreCase))
        {
            return target;
        }

        return allCountries ? record.Countries.FirstOrDefault(c => CountryCodes.IsValid(c) && known.Contains(c)) : null;
    }

    private async Task<Dictionary<(string Country, string Symbol), Guid>> CyclesBySymbolAsync(IEnumerable<string> countries, CancellationToken cancellationToken)
    {
        var bySymbol = new Dictionary<(string, string), Guid>();
        foreach (var code in countries)
        {
            var cycles = await sender.Send(new ListCycles(code), cancellationToken);
            if (!cycles.IsSuccess)
            {
                continue;
            }

            foreach (var cycle in cycles.Value.Where(c => c.ConcludingObservationsSymbol is not null))
            {
                bySymbol.TryAdd((code, cycle.ConcludingObservationsSymbol!.ToUpperInvariant()), cycle.Id!.Value);
            }
        }

        return bySymbol;
    }

    private async Task WriteBatchAsync(List<(RecommendationRecord Record, string Country)> batch, ImportRun run, Dictionary<(string, string), Guid> cycles, CancellationToken cancellationToken)
    {
        var created = new List<Recommendation>();
        foreach (var group in batch.GroupBy(b => b.Country))
        {
            var keys = group.Select(b => Recommendation.KeyOf(b.Record)).Distinct().ToList();
            var existing = await db.Recommendations.IgnoreQueryFilters()
                .Include(r => r.Tags)
                .Where(r => r.CountryCode == group.Key && keys.Contains(r.Key))
                .ToDictionaryAsync(r => r.Key, cancellationToken);
            foreach (var (record, country) in group)
            {
                var key = Recommendation.KeyOf(record);
                var cycle = record.Symbol is { } symbol && cycles.TryGetValue((country, symbol.ToUpperInvariant()), out var id) ? id : (Guid?)null;
                var wanted = Recommendation.SourceTags(record).ToHashSet();
                if (!existing.TryGetValue(key, out var recommendation))
                {
                    // New records go in through one prepared statement, without change tracking (below).
                    recommendation = new Recommendation { CountryCode = country, Key = key, ImportRunId = run.Id };
                    recommendation.Apply(record, cycle);
                    recommendation.Tags.AddRange(wanted.Select(t => new RecommendationTag { RecommendationId = recommendation.Id, CountryCode = recommendation.CountryCode, Kind = t.Kind, Value = t.Value }));
                    created.Add(recommendation);
                    existing[key] = recommendation;
                    run.Created++;
                    continue;
                }

                recommendation.Apply(record, cycle);
                var tagsChanged = SyncTags(recommendation, wanted);
                var entry = db.Entry(recommendation);
                entry.DetectChanges();
                if (tagsChanged || entry.State == EntityState.Modified)
                {
                    recommendation.ImportRunId = run.Id;
                    run.Updated++;
                }
                else
                {
                    run.Unchanged++;
                }
            }
        }

        // Changes to existing records are saved (and audited) through the context, new ones in bulk.
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        if (created.Count > 0)
        {
            await using var recommendations = BulkInserter<Recommendation>.Create(db);
            await using var tags = BulkInserter<RecommendationTag>.Create(db);
            foreach (var recommendation in created)
            {
                await recommendations.InsertAsync(recommendation, cancellationToken);
                foreach (var tag in recommendation.Tags)
                {
                    await tags.InsertAsync(tag, cancellationToken);
                }
            }
        }
    }

    /// <summary>Brings the source's tags to <paramref name="wanted"/>; the mechanism's supporting institutions are kept.</summary>
    private static bool SyncTags(Recommendation recommendation, HashSet<(TagKind Kind, string Value)> wanted)
    {
        var stale = recommendation.Tags.Where(t => t.Kind != TagKind.SupportingInstitution && !wanted.Contains((t.Kind, t.Value))).ToList();
        var present = recommendation.Tags.Select(t => (t.Kind, t.Value)).ToHashSet();
        var missing = wanted.Where(t => !present.Contains(t)).ToList();
        foreach (var tag in stale)
        {
            recommendation.Tags.Remove(tag);
        }

        recommendation.Tags.AddRange(missing.Select(t => new RecommendationTag { RecommendationId = recommendation.Id, CountryCode = recommendation.CountryCode, Kind = t.Kind, Value = t.Value }));
        return stale.Count > 0 || missing.Count > 0;
    }

    /// <summary>The format asked for, or the one the file's name and first bytes show; the stream is rewound or buffered.</summary>
    private static async Task<(Stream Stream, Result<RecommendationFormat> Format)> DetectAsync(ImportRecommendations command, CancellationToken cancellationToken)
    {
        if (command.Format is { } given)
        {
            return (command.Content, given);
        }

        var head = new byte[RecommendationFormats.HeadLength];
        var length = 0;
        while (length < head.Length && await command.Content.ReadAsync(head.AsMemory(length), cancellationToken) is var read and > 0)
        {
            length += read;
        }

        var detected = RecommendationFormats.Detect(command.FileName, head.AsSpan(0, length));
        Stream stream = command.Content.CanSeek
            ? command.Content
            : new PrefixedStream(head.AsMemory(0, length), command.Content);
        if (command.Content.CanSeek)
        {
            command.Content.Seek(-length, SeekOrigin.Current);
        }

        return (stream, detected);
    }
}
