using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Nmirf.Host.Tests;

public sealed class ApiEndToEndTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private HttpClient Client => server.Client;

    [Fact]
    public async Task Startup_OnAnEmptyDatabase_PrintsTheUrlAndLoadsTheDemo()
    {
        Assert.Contains("loaded the demo data (MAR, PRT, PRY)", server.Log, StringComparison.Ordinal);

        var countries = await Client.GetFromJsonAsync<JsonElement>("/countries");

        Assert.Equal(["MAR", "PRT", "PRY"], countries.EnumerateArray().Select(c => c.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Health_ReportsAReachableMigratedDatabase()
    {
        var response = await Client.GetAsync(new Uri("/health", UriKind.Relative));
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("database").GetProperty("reachable").GetBoolean());
        Assert.Equal("Sqlite", health.GetProperty("database").GetProperty("provider").GetString());
        Assert.All(health.GetProperty("database").GetProperty("modules").EnumerateArray(), m => Assert.Empty(m.GetProperty("pendingMigrations").EnumerateArray()));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheMandateRoutes()
    {
        var document = await Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/countries/{country}/institutions/{code}", paths);
        Assert.Contains("/countries/{country}/mandate", paths);
        Assert.Contains("/health", paths);
    }

    [Fact]
    public async Task Mandate_OfMorocco_HasItsMechanismInstitutionsAndRatifications()
    {
        var mandate = await Client.GetFromJsonAsync<JsonElement>("/countries/MAR/mandate");

        Assert.Equal("DIDH", mandate.GetProperty("mechanism").GetProperty("acronym").GetString());
        Assert.True(mandate.GetProperty("institutions").GetArrayLength() >= 5);
        Assert.Contains(mandate.GetProperty("ratifications").EnumerateArray(), r => r.GetProperty("instrument").GetString() == "OPCAT"
            && r.GetProperty("action").GetString() == "accession");
    }

    [Fact]
    public async Task Institution_CreateReadUpdateDelete_RoundTrips()
    {
        var body = new { code = "e2e-agency", name = "Agence de test", kind = "agency", role = "observer" };

        var created = await Client.PostAsJsonAsync("/countries/MAR/institutions", body);
        var read = await Client.GetFromJsonAsync<JsonElement>("/countries/MAR/institutions/e2e-agency");
        var updated = await Client.PutAsJsonAsync("/countries/MAR/institutions/e2e-agency", body with { role = "member" });
        var deleted = await Client.DeleteAsync(new Uri("/countries/MAR/institutions/e2e-agency", UriKind.Relative));
        var gone = await Client.GetAsync(new Uri("/countries/MAR/institutions/e2e-agency", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/countries/MAR/institutions/e2e-agency", created.Headers.Location?.OriginalString);
        Assert.Equal("observer", read.GetProperty("role").GetString());
        Assert.Equal("member", (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Institution_InvalidBody_Is400NamingEachFieldAndWritesNothing()
    {
        var response = await Client.PostAsJsonAsync("/countries/PRT/institutions", new { code = "Bad Code", name = "" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Equal(["code", "name", "kind", "role"], errors);
        var institutions = await Client.GetFromJsonAsync<JsonElement>("/countries/PRT/institutions");
        Assert.DoesNotContain(institutions.EnumerateArray(), i => i.GetProperty("code").GetString() == "Bad Code");
    }

    [Fact]
    public async Task Institution_UnknownKind_Is400ListingTheAllowedValues()
    {
        var response = await Client.PostAsJsonAsync("/countries/PRT/institutions", new { code = "x", name = "X", kind = "ministery", role = "member" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("kind")[0].GetString();
        Assert.Contains("national-human-rights-institution", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_SettingTheCountry_IsRefusedAsAnUnknownField()
    {
        var response = await Client.PostAsJsonAsync("/countries/PRT/institutions", new { code = "x", name = "X", kind = "agency", role = "member", countryCode = "MAR" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("unknown field 'countryCode'", problem.GetProperty("errors").GetProperty("countryCode")[0].GetString());
    }

    [Fact]
    public async Task Body_MalformedJson_Is400()
    {
        using var content = new StringContent("{\"code\": \"x\",", Encoding.UTF8, "application/json");

        var response = await Client.PostAsync(new Uri("/countries/PRT/institutions", UriKind.Relative), content);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("not valid JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ratification_UnknownInstrumentAndEntryIntoForceBeforeDate_Are400()
    {
        var response = await Client.PostAsJsonAsync("/countries/PRY/ratifications",
            new { instrument = "CCPR", action = "ratification", date = "1992-06-10", entryIntoForce = "1992-01-01" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["instrument", "entryIntoForce"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task FocalPoint_OfAMissingInstitution_Is400()
    {
        var response = await Client.PostAsJsonAsync("/countries/PRY/focal-points",
            new { name = "Ana Pérez", institution = "nowhere", email = "ana@example.org", role = "focal-point" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("no institution 'nowhere'", problem.GetProperty("errors").GetProperty("institution")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Country_InvalidIsoCodeInBody_Is400()
    {
        var response = await Client.PostAsJsonAsync("/countries", new { code = "XXX", name = "Nowhere" });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Route_WithAnUnknownCountry_Is404()
    {
        var response = await Client.GetAsync(new Uri("/countries/ESP/institutions", UriKind.Relative));

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MandateYaml_PutBackAsItCame_ChangesNothing()
    {
        var yaml = await Client.GetStringAsync(new Uri("/countries/PRT/mandate?format=yaml", UriKind.Relative));
        using var content = new StringContent(yaml, Encoding.UTF8, "application/yaml");

        var response = await Client.PutAsync(new Uri("/countries/PRT/mandate", UriKind.Relative), content);
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(summary.GetProperty("changed").GetBoolean());
    }

    [Fact]
    public async Task MandateYaml_WithADuplicateInstitution_Is400WithTheLine()
    {
        var yaml = await Client.GetStringAsync(new Uri("/countries/PRY/mandate?format=yaml", UriKind.Relative));
        var duplicated = yaml.Replace("- code: mujer", "- code: justicia", StringComparison.Ordinal);
        using var content = new StringContent(duplicated, Encoding.UTF8, "application/yaml");

        var response = await Client.PutAsync(new Uri("/countries/PRY/mandate?dryRun=true", UriKind.Relative), content);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Matches(@"line \d+, column \d+: institutions\[\d\]\.code: duplicate institution 'justicia'", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Plugins_ListsTheTenLoaded()
    {
        var plugins = await Client.GetFromJsonAsync<JsonElement>("/plugins");

        var loaded = plugins.GetProperty("plugins").EnumerateArray().Where(p => p.GetProperty("state").GetString() == "loaded").Select(p => p.GetProperty("id").GetString());
        Assert.Equal(["cat", "ccpr", "ced", "cedaw", "cerd", "cescr", "cmw", "crc", "crpd", "upr"], loaded);
    }

    [Fact]
    public async Task Body_ShowsItsRulesWithSourcesAndVerification()
    {
        var cat = await Client.GetFromJsonAsync<JsonElement>("/bodies/cat");

        var initial = cat.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "initial-report.due-after");
        Assert.Equal("P1Y", initial.GetProperty("value").GetString());
        Assert.True(initial.GetProperty("verified").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(new Uri("/bodies/nope", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task SymbolsParse_ReadsASymbolAndRefusesGarbage()
    {
        var parsed = await Client.GetFromJsonAsync<JsonElement>("/symbols/parse?symbol=CERD/C/MAR/CO/19-21");
        var garbage = await Client.GetAsync(new Uri("/symbols/parse?symbol=hello", UriKind.Relative));

        Assert.Equal("cerd", parsed.GetProperty("body").GetString());
        Assert.Equal(19, parsed.GetProperty("report").GetProperty("from").GetInt32());
        await AssertProblemAsync(garbage, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Calendar_OfMorocco_IsServedAsJsonAndAsICalendar()
    {
        var json = await Client.GetFromJsonAsync<JsonElement>("/countries/MAR/calendar");
        var ics = await Client.GetAsync(new Uri("/countries/MAR/calendar.ics", UriKind.Relative));

        Assert.Contains(json.GetProperty("obligations").EnumerateArray(), o => o.GetProperty("body").GetString() == "upr");
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("BEGIN:VCALENDAR", await ics.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cycle_WithASymbolOfAnotherCountry_Is400()
    {
        var response = await Client.PostAsJsonAsync("/countries/PRY/cycles", new { body = "cmw", report = "3", symbol = "CMW/C/MAR/3" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("concerns MAR, not PRY", problem.GetProperty("errors").GetProperty("symbol")[0].GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain("   at ", problem.ToString(), StringComparison.Ordinal);
        return problem;
    }
}
