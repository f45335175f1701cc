using Mediator;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Mandates.Contracts;
using Nmirf.Mandates.MandateFiles;

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
        }

        return summaries;
    }
}
