using Mediator;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Mandates.Contracts;
using Nmirf.Mandates.MandateFiles;
using Nmirf.Reporting.Cycles;

namespace Nmirf.Host.Demo;

/// <summary>Loads the demo mandates through the same import as mandate files, so seeding twice changes nothing.</summary>
internal sealed class DemoSeeder(ISender sender)
{
    public async Task<Result<IReadOnlyList<MandateImportSummary>>> SeedAsync(CancellationToken cancellationToken = default)
    {
        var summaries = new List<MandateImportSummary>();
        foreach (var mandate in DemoData.Mandates)
        {
            var result = await sender.Send(new ImportMandate(mandate), cancellationToken);
            if (!result.IsSuccess)
            {
                return Result<IReadOnlyList<MandateImportSummary>>.Failure(result.Errors);
            }

            summaries.Add(result.Value);
            if (DemoCycles.ByCountry.TryGetValue(mandate.Country!.Code!, out var cycles))
            {
                var recorded = await RecordCyclesAsync(mandate.Country.Code!, cycles, cancellationToken);
                if (!recorded.IsSuccess)
                {
                    return Result<IReadOnlyList<MandateImportSummary>>.Failure(recorded.Errors);
                }
            }
        }

        return summaries;
    }

    /// <summary>Records each demo cycle, or brings the recorded one back to the demo data; an unchanged cycle is not written.</summary>
    private async Task<Result<int>> RecordCyclesAsync(string country, IReadOnlyList<ReportingCycleDto> cycles, CancellationToken cancellationToken)
    {
        var existing = await sender.Send(new ListCycles(country), cancellationToken);
        if (!existing.IsSuccess)
        {
            return Result<int>.Failure(existing.Errors);
        }

        foreach (var cycle in cycles)
        {
            var match = existing.Value.FirstOrDefault(c => c.Body == cycle.Body && c.Report == cycle.Report && (cycle.Instrument is null || c.Instrument == cycle.Instrument));
            var result = match is null
                ? await sender.Send(new RecordCycle(country, cycle), cancellationToken)
                : await sender.Send(new UpdateCycle(country, match.Id!.Value, cycle), cancellationToken);
            if (!result.IsSuccess)
            {
                return Result<int>.Failure(result.Errors.Select(e => e with { Field = $"cycles[{cycle.Body} {cycle.Report}].{e.Field}" }).ToList());
            }
        }

        return cycles.Count;
    }
}
