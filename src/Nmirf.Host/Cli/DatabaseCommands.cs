using System.CommandLine;
using Nmirf.BuildingBlocks.Persistence;
using Nmirf.Host.Demo;

namespace Nmirf.Host.Cli;

/// <summary><c>nmirf migrate</c> and <c>nmirf demo seed</c>.</summary>
internal static class DatabaseCommands
{
    public static Command Migrate(TextWriter stdout)
    {
        var migrate = new Command("migrate", "Create the database or upgrade it to the latest migrations of every module.");
        migrate.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var applied = await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(token);
            foreach (var (module, migrations) in applied)
            {
                await stdout.WriteLineAsync(migrations.Count == 0
                    ? $"{module}: up to date"
                    : $"{module}: applied {string.Join(", ", migrations)}");
            }

            return CliApp.Done;
        }, ct, migrate: false));
        return migrate;
    }

    /// <summary>Prints the demo accounts just created; their passwords are not stored anywhere else.</summary>
    public static async Task WriteDemoAccountsAsync(TextWriter stdout, IReadOnlyList<DemoAccount> accounts)
    {
        if (accounts.Count == 0)
        {
            return;
        }

        await stdout.WriteLineAsync("DEMO accounts (demo data only; passwords shown this once; sign in with POST /auth/sign-in):");
        await Output.WriteTableAsync(stdout, ["E-MAIL", "ROLES", "PASSWORD"], accounts.Select(a => new[] { a.Email, a.Roles, a.Password }));
    }

    public static Command Demo(TextWriter stdout, TextWriter stderr)
    {
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON." };
        var seed = new Command("seed", "Load the demo data (Morocco, Portugal, Paraguay); running it again changes nothing.") { json };
        seed.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var result = await services.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken: token);
            if (!result.IsSuccess)
            {
                return await Output.FailAsync(stderr, "demo data", result.Errors);
            }

            if (parsed.GetValue(json))
            {
                await Output.WriteJsonAsync(stdout, result.Value);
                return CliApp.Done;
            }

            foreach (var summary in result.Value.Mandates)
            {
                await MandateCommands.WriteSummaryAsync(stdout, summary);
            }

            await WriteDemoAccountsAsync(stdout, result.Value.NewAccounts);
            return CliApp.Done;
        }, ct));

        return new Command("demo", "Demo data.") { seed };
    }
}
