using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Nmirf.Host.Tests;

public sealed class CliTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Migrate_FreshDatabase_AppliesEveryModuleThenIsUpToDate()
    {
        var first = await _cli.RunAsync("migrate");
        var second = await _cli.RunAsync("migrate");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("audit: applied", first.Out, StringComparison.Ordinal);
        Assert.Contains("mandates: applied", first.Out, StringComparison.Ordinal);
        Assert.Equal("audit: up to date\naccounts: up to date\nmandates: up to date\nreporting: up to date\nrecommendations: up to date\nworkflows: up to date\ndrafting: up to date\n", second.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task DemoSeed_RunTwice_SecondRunChangesNothing()
    {
        var first = await _cli.RunAsync("demo", "seed", "--json");
        var second = await _cli.RunAsync("demo", "seed", "--json");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        using var firstJson = JsonDocument.Parse(first.Out);
        var firstMandates = firstJson.RootElement.GetProperty("mandates").EnumerateArray().ToList();
        Assert.Equal(["MAR", "PRT", "PRY"], firstMandates.Select(s => s.GetProperty("country").GetString()));
        Assert.All(firstMandates, s => Assert.True(Sum(s, "created") > 20));
        Assert.Equal(13, firstJson.RootElement.GetProperty("newAccounts").GetArrayLength());
        using var secondJson = JsonDocument.Parse(second.Out);
        Assert.All(secondJson.RootElement.GetProperty("mandates").EnumerateArray(), s => Assert.Equal(0, Sum(s, "created") + Sum(s, "updated") + Sum(s, "deleted")));
        Assert.Equal(0, secondJson.RootElement.GetProperty("newAccounts").GetArrayLength());
    }

    [Fact]
    public async Task MandateShowJson_AfterDemoSeed_PrintsMoroccosMechanismInstitutionsAndRatifications()
    {
        await _cli.RunAsync("demo", "seed");

        var (exitCode, output, _) = await _cli.RunAsync("mandate", "show", "MAR", "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("DIDH", root.GetProperty("mechanism").GetProperty("acronym").GetString());
        Assert.Equal("inter-ministerial", root.GetProperty("mechanism").GetProperty("type").GetString());
        Assert.Contains(root.GetProperty("institutions").EnumerateArray(), i => i.GetProperty("code").GetString() == "cndh"
            && i.GetProperty("kind").GetString() == "national-human-rights-institution");
        var iccpr = root.GetProperty("ratifications").EnumerateArray().Single(r => r.GetProperty("instrument").GetString() == "ICCPR");
        Assert.Equal("1979-05-03", iccpr.GetProperty("date").GetString());
    }

    [Fact]
    public async Task CountriesList_AfterDemoSeed_ListsTheThreeCountries()
    {
        await _cli.RunAsync("demo", "seed");

        var (exitCode, output, _) = await _cli.RunAsync("countries", "list", "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(["MAR", "PRT", "PRY"], json.RootElement.EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        Assert.All(json.RootElement.EnumerateArray(), c => Assert.True(c.GetProperty("focalPoints").GetInt32() > 0));
    }

    [Fact]
    public async Task MandateExportThenImport_ChangesNothing()
    {
        await _cli.RunAsync("demo", "seed");
        var file = Path.Combine(_cli.WorkFolder, "prt.yaml");

        var export = await _cli.RunAsync("mandate", "export", "PRT", "--out", file);
        var import = await _cli.RunAsync("mandate", "import", file);

        Assert.Equal(0, export.ExitCode);
        Assert.Equal(0, import.ExitCode);
        Assert.Equal("PRT: no changes", import.Out.Trim());
    }

    [Fact]
    public async Task MandateImport_EditedFile_ReportsTheChange()
    {
        await _cli.RunAsync("demo", "seed");
        var file = Path.Combine(_cli.WorkFolder, "pry.yaml");
        await _cli.RunAsync("mandate", "export", "PRY", "--out", file);
        File.WriteAllText(file, File.ReadAllText(file).Replace("name: Congreso Nacional", "name: Congreso de la Nación", StringComparison.Ordinal));

        var (exitCode, output, _) = await _cli.RunAsync("mandate", "import", file, "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var institutions = json.RootElement.GetProperty("counts").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "institutions");
        Assert.Equal(1, institutions.GetProperty("updated").GetInt32());
    }

    [Theory]
    [InlineData("country:\n  code: MAR\n  name: [Morocco\n", 3, "")]
    [InlineData("country:\n  code: MAR\n  name: Morocco\n  flag: green\n", 4, "unknown field 'flag'")]
    [InlineData("country:\n  code: MAR\n  name: Morocco\nratifications:\n- instrument: ICCPR\n  action: ratification\n  date: 3 May 1979\n", 7, "yyyy-MM-dd")]
    [InlineData("country:\n  code: MAR\n  name: Morocco\nratifications:\n- instrument: CCPR\n  action: ratification\n  date: 1979-05-03\n", 5, "not a known instrument")]
    [InlineData("country:\n  code: MOR\n  name: Morocco\n", 2, "not an assigned ISO 3166-1 alpha-3 code")]
    [InlineData("country:\n  code: MAR\n  name: Morocco\nfocalPoints:\n- name: A B\n  institution: justice\n  email: a@b.ma\n  role: focal-point\n", 6, "no institution 'justice'")]
    [InlineData("country:\n  code: MAR\n  name: Morocco\ninstitutions:\n- {code: justice, name: Justice, kind: ministry, role: member}\n- {code: justice, name: Justice 2, kind: ministry, role: member}\n", 6, "duplicate institution")]
    [InlineData("country:\n  code: MAR\n  name: Morocco\nratifications:\n- instrument: CAT\n  action: ratification\n  date: 1993-06-21\n  entryIntoForce: 1993-01-01\n", 8, "before the ratification date")]
    public async Task MandateImport_BadFile_ExitsWithOneAndNamesTheLineAndWritesNothing(string yaml, int line, string reason)
    {
        await _cli.RunAsync("demo", "seed");
        var before = (await _cli.RunAsync("mandate", "export", "MAR")).Out;
        var file = _cli.WriteFile("bad.yaml", yaml);

        var (exitCode, _, error) = await _cli.RunAsync("mandate", "import", file);

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"{file}:{line}:", error, StringComparison.Ordinal);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Equal(before, (await _cli.RunAsync("mandate", "export", "MAR")).Out);
    }

    [Fact]
    public async Task MandateImport_MissingFile_ExitsWithOne()
    {
        var (exitCode, _, error) = await _cli.RunAsync("mandate", "import", Path.Combine(_cli.WorkFolder, "none.yaml"));

        Assert.Equal(1, exitCode);
        Assert.Contains("no such file", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("XYZ", "not an assigned")]
    [InlineData("ESP", "no country 'ESP'")]
    public async Task MandateShow_UnknownCountry_ExitsWithOne(string code, string reason)
    {
        var (exitCode, _, error) = await _cli.RunAsync("mandate", "show", code);

        Assert.Equal(1, exitCode);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("mandate", "import")]
    [InlineData("countries", "list", "--colour")]
    public async Task WrongUsage_ExitsWithTwo(params string[] args)
    {
        var (exitCode, _, error) = await _cli.RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Contains("nmirf --help", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAdmin_OfACountryNotYetCreated_IsRefusedAndCreatesNoAccount()
    {
        var refused = await _cli.RunAsync("users", "create-admin", "--email", "first@example.org", "--country", "MAR");
        await _cli.RunAsync("demo", "seed");
        var afterwards = await _cli.RunAsync("users", "create-admin", "--email", "first@example.org", "--country", "MAR");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("no country 'MAR'", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, afterwards.ExitCode);
        Assert.Matches("nmirf_[A-Za-z0-9_-]{43}", afterwards.Out);
    }

    [Fact]
    public async Task BenchKeep_IntoAFolderThatHoldsFiles_IsRefusedAndLeavesThemAsTheyWere()
    {
        var folder = Directory.CreateTempSubdirectory("nmirf-keep-").FullName;
        try
        {
            var earlier = Path.Combine(folder, "import.db");
            await File.WriteAllTextAsync(earlier, "an earlier run");

            var (exitCode, _, error) = await _cli.RunAsync("bench", "recommendations", "--count", "10", "--runs", "1", "--keep", folder);

            Assert.Equal(1, exitCode);
            Assert.Contains("--keep", error, StringComparison.Ordinal);
            Assert.Equal("an earlier run", await File.ReadAllTextAsync(earlier));
            Assert.Single(Directory.EnumerateFileSystemEntries(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task UnknownProvider_ExitsWithOneNamingTheSetting()
    {
        var (exitCode, _, error) = await _cli.RunAsync("countries", "list", "--provider", "Oracle");

        Assert.Equal(1, exitCode);
        Assert.Contains("Database:Provider is 'Oracle'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Workflows:IdleTime", "-00:00:00.005", "Workflows:IdleTime '-00:00:00.0050000' must be between zero and one second")]
    [InlineData("Workflows:LockWait", "soon", "'Workflows:LockWait'")]
    public void EngineSettingOutOfRangeOrUnreadable_IsAConfigurationErrorNamingTheKey(string key, string value, string message)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [key] = value, ["Plugins:Path"] = Path.Combine(AppContext.BaseDirectory, "plugins") })
            .Build();

        var error = Assert.Throws<Nmirf.Host.Composition.ConfigurationException>(() => { Nmirf.Host.Composition.NmirfServices.AddNmirf(new Microsoft.Extensions.DependencyInjection.ServiceCollection(), configuration); });

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static int Sum(JsonElement summary, string property) =>
        summary.GetProperty("counts").EnumerateArray().Sum(c => c.GetProperty(property).GetInt32());
}

public sealed class CliPluginAndCalendarTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task PluginsList_ShowsTheTenLoadedPlugins()
    {
        var (exitCode, output, _) = await _cli.RunAsync("plugins", "list", "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var plugins = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["cat", "ccpr", "ced", "cedaw", "cerd", "cescr", "cmw", "crc", "crpd", "upr"], plugins.Select(p => p.GetProperty("id").GetString()));
        Assert.All(plugins, p => Assert.Equal("loaded", p.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task BrokenPluginInTheFolder_IsListedWithItsReasonAndTheRestWork()
    {
        var folder = Path.Combine(_cli.WorkFolder, "plugins");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "plugins"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(Path.Combine(AppContext.BaseDirectory, "plugins"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Directory.CreateDirectory(Path.Combine(folder, "broken"));
        File.WriteAllText(Path.Combine(folder, "broken", "plugin.json"), "{ \"id\": \"broken\", \"name\": \"Broken\", \"version\": \"1.0.0\", \"contractVersion\": \"1.0\", \"entryAssembly\": \"Broken.dll\" }");

        var (exitCode, output, error) = await _cli.RunAsync("plugins", "list", "--json", "--plugins", folder);
        var seeded = await _cli.RunAsync("demo", "seed", "--plugins", folder);

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var broken = json.RootElement.EnumerateArray().Single(p => p.GetProperty("folder").GetString() == "broken");
        Assert.Equal("failed", broken.GetProperty("state").GetString());
        Assert.Contains("entry assembly Broken.dll is missing", broken.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(10, json.RootElement.EnumerateArray().Count(p => p.GetProperty("state").GetString() == "loaded"));
        Assert.Contains("Plugin broken skipped", error, StringComparison.Ordinal);
        Assert.Equal(0, seeded.ExitCode);
    }

    [Fact]
    public async Task SymbolsParse_Json_GivesBodyCountryKindAndReports()
    {
        var (exitCode, output, _) = await _cli.RunAsync("symbols", "parse", "CEDAW/C/MAR/CO/5-6", "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("cedaw", root.GetProperty("body").GetString());
        Assert.Equal("MAR", root.GetProperty("country").GetString());
        Assert.Equal("concluding-observations", root.GetProperty("kind").GetString());
        Assert.Equal(5, root.GetProperty("report").GetProperty("from").GetInt32());
        Assert.Equal(6, root.GetProperty("report").GetProperty("to").GetInt32());
    }

    [Fact]
    public async Task SymbolsParse_Garbage_ExitsWithOne()
    {
        var (exitCode, _, error) = await _cli.RunAsync("symbols", "parse", "not a symbol");

        Assert.Equal(1, exitCode);
        Assert.Contains("not a UN document symbol", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SymbolsGenerate_PrintsTheSymbol()
    {
        var (exitCode, output, _) = await _cli.RunAsync("symbols", "generate", "--body", "cerd", "--kind", "concluding-observations", "--country", "MAR", "--report", "22-24");

        Assert.Equal(0, exitCode);
        Assert.Equal("CERD/C/MAR/CO/22-24", output.Trim());
    }

    [Fact]
    public async Task CalendarIcs_OfMorocco_IsAValidCalendarOfItsObligations()
    {
        await _cli.RunAsync("demo", "seed");

        var (exitCode, output, _) = await _cli.RunAsync("calendar", "MAR", "--format", "ics");
        var json = await _cli.RunAsync("calendar", "MAR", "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("BEGIN:VCALENDAR", output, StringComparison.Ordinal);
        var calendar = Ical.Net.Calendar.Load(output)!;
        using var obligations = JsonDocument.Parse(json.Out);
        Assert.Equal(obligations.RootElement.GetProperty("obligations").GetArrayLength(), calendar.Events.Count);
        Assert.Contains(calendar.Events, e => e.Summary!.StartsWith("CEDAW: periodic report 7 (MAR)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Calendar_BadFormat_IsWrongUsage()
    {
        var (exitCode, _, _) = await _cli.RunAsync("calendar", "MAR", "--format", "pdf");

        Assert.Equal(2, exitCode);
    }
}
