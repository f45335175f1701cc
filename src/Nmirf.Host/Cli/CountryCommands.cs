using System.CommandLine;
using Mediator;
using Nmirf.Mandates.Countries;

namespace Nmirf.Host.Cli;

/// <summary><c>nmirf countries list</c>.</summary>
internal static class CountryCommands
{
    public static Command Countries(TextWriter stdout)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var list = new Command("list", "List the countries with the size of their mandates.") { json };
        list.SetAction((parsed, ct) => CliServices.RunAsync(CliApp.Settings(parsed), async (services, token) =>
        {
            var countries = await services.GetRequiredService<ISender>().Send(new ListCountries(), token);
            if (parsed.GetValue(json))
            {
                await Output.WriteJsonAsync(stdout, countries);
                return CliApp.Done;
            }

            await Output.WriteTableAsync(
                stdout,
                ["CODE", "NAME", "LANGUAGES", "MECHANISM", "INSTITUTIONS", "FOCAL POINTS", "RATIFICATIONS"],
                countries.Select(c => new[]
                {
                    c.Code, c.Name, string.Join(",", c.WorkingLanguages), c.Mechanism,
                    c.Institutions.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    c.FocalPoints.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    c.Ratifications.ToString(System.Globalization.CultureInfo.InvariantCulture),
                }));
            return CliApp.Done;
        }, ct));

        return new Command("countries", "Countries (the tenants).") { list };
    }
}
