using System.Security.Cryptography;
using Mediator;
using Nmirf.Accounts;
using Nmirf.Accounts.Users;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Mandates.Contracts;
using Nmirf.Mandates.MandateFiles;
using Nmirf.Reporting.Cycles;

namespace Nmirf.Host.Demo;

/// <summary>A demo account created by this seed, with its password (shown this once).</summary>
internal sealed record DemoAccount(string Email, string Roles, string Password);

/// <summary>What a demo seed did: the import summaries, and the demo accounts it created.</summary>
internal sealed record DemoSeedResult(IReadOnlyList<MandateImportSummary> Mandates, IReadOnlyList<DemoAccount> NewAccounts);

/// <summary>
/// Loads the demo mandates through the same import as mandate files, Morocco's past reviews, and demo accounts
/// (marked demo, with random passwords shown once). Seeding twice changes nothing.
/// </summary>
internal sealed class DemoSeeder(ISender sender)
{
    public const string DemoDomain = "demo.nmirf.test";

    /// <param name="accounts">False to leave the demo accounts out (tests that need no one to sign in).</param>
    /// <param name="cancellationToken">Stops the seed between records.</param>
    public async Task<Result<DemoSeedResult>> SeedAsync(bool accounts = true, CancellationToken cancellationToken = default)
    {
        var mandates = await SeedMandatesAsync(cancellationToken);
        if (!mandates.IsSuccess || !accounts)
        {
            return mandates.IsSuccess ? new DemoSeedResult(mandates.Value, []) : Result<DemoSeedResult>.Failure(mandates.Errors);
        }

        var seeded = await SeedAccountsAsync(cancellationToken);
        return seeded.IsSuccess ? new DemoSeedResult(mandates.Value, seeded.Value) : Result<DemoSeedResult>.Failure(seeded.Errors);
    }

    private async Task<Result<IReadOnlyList<MandateImportSummary>>> SeedMandatesAsync(CancellationToken cancellationToken)
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

    /// <summary>A network administrator, and an administrator, a drafter, a focal point and a viewer in each demo country.</summary>
    private async Task<Result<IReadOnlyList<DemoAccount>>> SeedAccountsAsync(CancellationToken cancellationToken)
    {
        var existing = (await sender.Send(new ListUsers(), cancellationToken)).Select(u => u.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var created = new List<DemoAccount>();
        async Task<Result<UserDto>> Account(string email, string roles, bool network = false)
        {
            if (existing.Contains(email))
            {
                return Error.Conflict("email", "exists");
            }

            var password = DemoPassword();
            var user = await sender.Send(new CreateUser(email, null, network, password, Demo: true), cancellationToken);
            if (user.IsSuccess)
            {
                created.Add(new DemoAccount(email, roles, password));
            }

            return user;
        }

        var network = await Account($"network.admin@{DemoDomain}", "network administrator", network: true);
        if (!network.IsSuccess && network.ErrorKind != ErrorKind.Conflict)
        {
            return Result<IReadOnlyList<DemoAccount>>.Failure(network.Errors);
        }

        foreach (var mandate in DemoData.Mandates)
        {
            var country = mandate.Country!.Code!;
            var institution = mandate.Institutions.First(i => i.Role == MechanismRole.Member).Code!;
            foreach (var (role, name) in new[] { (CountryRole.Administrator, "admin"), (CountryRole.Drafter, "drafter"), (CountryRole.FocalPoint, "focal"), (CountryRole.Viewer, "viewer") })
            {
                var email = $"{name}.{country.ToLowerInvariant()}@{DemoDomain}";
                var user = await Account(email, $"{country} {role}{(role == CountryRole.FocalPoint ? $" ({institution})" : "")}");
                if (!user.IsSuccess)
                {
                    if (user.ErrorKind == ErrorKind.Conflict)
                    {
                        continue;
                    }

                    return Result<IReadOnlyList<DemoAccount>>.Failure(user.Errors);
                }

                var granted = await sender.Send(new GrantRole(email, country, role, role == CountryRole.FocalPoint ? institution : null), cancellationToken);
                if (!granted.IsSuccess)
                {
                    return Result<IReadOnlyList<DemoAccount>>.Failure(granted.Errors);
                }
            }
        }

        return created;
    }

    /// <summary>A random password of 20 characters with the upper-case letters, lower-case letters and digits Identity asks for.</summary>
    private static string DemoPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789";
        const string all = upper + lower + digits;
        var characters = new char[20];
        characters[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        characters[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        characters[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        for (var i = 3; i < characters.Length; i++)
        {
            characters[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(characters.AsSpan());
        return new string(characters);
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
