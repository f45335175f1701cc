using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Nmirf.BuildingBlocks.Files;

namespace Nmirf.Host.Tests;

/// <summary>Accounts, tokens, isolation between countries and roles, hardening, and the audit trail, on the real server.</summary>
public sealed class SecurityTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task SignIn_FiveWrongPasswords_LockTheAccountEvenForTheRightOne()
    {
        const string email = "viewer.prt@demo.nmirf.test";
        var password = server.DemoPassword(email);
        Assert.Equal(20, password.Length);
        var client = server.Anonymous();

        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/auth/sign-in", new { email, password = "not-the-password" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var right = await client.PostAsJsonAsync("/auth/sign-in", new { email, password });

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("locked out", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("locked out", await server.RunCliAsync("users", "list", "--country", "PRT"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_RightPassword_SetsACookieThatSignsOutToo()
    {
        const string email = "drafter.pry@demo.nmirf.test";
        var client = server.Anonymous();

        var signIn = await client.PostAsJsonAsync("/auth/sign-in", new { email, password = server.DemoPassword(email) });
        var me = await client.GetFromJsonAsync<JsonElement>("/me");
        var signOut = await client.PostAsync(new Uri("/auth/sign-out", UriKind.Relative), null);
        var after = await client.GetAsync(new Uri("/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("nmirf=", string.Join(";", signIn.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
        Assert.Contains("httponly", string.Join(";", signIn.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(email, me.GetProperty("email").GetString());
        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Token_Revoked_IsRefusedAtTheNextRequest()
    {
        var owner = await server.ClientForAsync("drafter.mar@demo.nmirf.test");
        var created = await (await owner.PostAsJsonAsync("/me/tokens", new { name = "script", expiresInDays = 30 })).Content.ReadFromJsonAsync<JsonElement>();
        var secret = created.GetProperty("secret").GetString()!;
        var script = server.WithToken(secret);

        var before = await script.GetAsync(new Uri("/countries/MAR/mandate", UriKind.Relative));
        var revoke = await owner.DeleteAsync(new Uri($"/me/tokens/{created.GetProperty("token").GetProperty("id").GetString()}", UriKind.Relative));
        var afterwards = await script.GetAsync(new Uri("/countries/MAR/mandate", UriKind.Relative));
        var listed = await owner.GetFromJsonAsync<JsonElement>("/me/tokens");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterwards.StatusCode);
        Assert.DoesNotContain(secret, listed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Viewer_CannotWrite()
    {
        var viewer = await server.ClientForAsync("viewer.mar@demo.nmirf.test");

        var response = await viewer.PostAsJsonAsync("/countries/MAR/institutions", new { code = "new-one", name = "New", kind = "agency", role = "member" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync(new Uri("/countries/MAR/institutions/new-one", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task PortugueseAdministrator_CannotReadAnythingOfMorocco()
    {
        var portugal = await server.ClientForAsync("admin.prt@demo.nmirf.test");

        var countries = await portugal.GetFromJsonAsync<JsonElement>("/countries");
        foreach (var path in new[] { "/countries/MAR", "/countries/MAR/mandate", "/countries/MAR/institutions", "/countries/MAR/calendar", "/countries/MAR/cycles", "/countries/MAR/audit", "/countries/MAR/users" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await portugal.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        }

        Assert.Equal(["PRT"], countries.EnumerateArray().Select(c => c.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task FocalPoint_ReadsTheMandateButCannotChangeIt()
    {
        var focal = await server.ClientForAsync("focal.mar@demo.nmirf.test");

        Assert.Equal(HttpStatusCode.OK, (await focal.GetAsync(new Uri("/countries/MAR/institutions", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.DeleteAsync(new Uri("/countries/MAR/mechanism", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await focal.GetAsync(new Uri("/countries/MAR/audit", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Invitation_SetsAPasswordThatSignsIn()
    {
        var admin = await server.ClientForAsync("admin.pry@demo.nmirf.test");
        var invited = await admin.PostAsJsonAsync("/countries/PRY/users", new { email = "nueva.persona@example.org", name = "Nueva Persona", role = "Viewer" });
        var code = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("setupCode").GetString();
        var client = server.Anonymous();

        var wrongCode = await client.PostAsJsonAsync("/auth/accept-invitation", new { email = "nueva.persona@example.org", code = "nope", password = "Una-clave-larga-2026" });
        var accepted = await client.PostAsJsonAsync("/auth/accept-invitation", new { email = "nueva.persona@example.org", code, password = "Una-clave-larga-2026" });
        var signIn = await client.PostAsJsonAsync("/auth/sign-in", new { email = "nueva.persona@example.org", password = "Una-clave-larga-2026" });
        var countries = await client.GetFromJsonAsync<JsonElement>("/countries");

        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(["PRY"], countries.EnumerateArray().Select(c => c.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task CountryAdministrator_CannotGrantRolesInAnotherCountry()
    {
        var admin = await server.ClientForAsync("admin.mar@demo.nmirf.test");

        var response = await admin.PutAsJsonAsync("/countries/PRT/users/admin.mar@demo.nmirf.test/roles/Administrator", new { });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AuditTrail_NamesWhoChangedWhatAndHidesSecrets()
    {
        var admin = await server.ClientForAsync("admin.mar@demo.nmirf.test");
        await admin.PostAsJsonAsync("/countries/MAR/institutions", new { code = "audit-probe", name = "Agence d'essai", kind = "agency", role = "observer" });

        var entries = await admin.GetFromJsonAsync<JsonElement>("/countries/MAR/audit?take=1000");
        var network = await server.Client.GetFromJsonAsync<JsonElement>("/audit?take=1000");

        var created = entries.EnumerateArray().First(e => e.GetProperty("entity").GetString() == "Institution" && e.GetProperty("after").ToString().Contains("audit-probe", StringComparison.Ordinal));
        Assert.Equal("admin.mar@demo.nmirf.test (token e2e)", created.GetProperty("actor").GetString());
        Assert.Equal("Created", created.GetProperty("action").GetString());
        Assert.All(entries.EnumerateArray(), e => Assert.Equal("MAR", e.GetProperty("country").GetString()));
        var user = network.EnumerateArray().First(e => e.GetProperty("entity").GetString() == "User");
        Assert.Equal("(redacted)", user.GetProperty("after").GetProperty("SecurityStamp").GetString());
        Assert.DoesNotContain(network.EnumerateArray(), e => e.GetProperty("entity").GetString() == "AccessToken" && e.GetProperty("after").GetProperty("Hash").GetString() != "(redacted)");
    }

    [Fact]
    public async Task CountryAdministrator_CannotImportIntoEveryCountry()
    {
        var admin = await server.ClientForAsync("admin.mar@demo.nmirf.test");
        using var content = new StringContent("[]", Encoding.UTF8, "application/json");

        var response = await admin.PostAsync(new Uri("/countries/MAR/recommendations/import?fileName=x.json&allCountries=true", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task FocalPoint_ListsOnlyTheirInstitutionsRecommendations()
    {
        const string co = "12. The Committee recommends that the State party strengthen the national preventive mechanism.\n\n13. The Committee recommends that the State party train police officers.\n";
        using var content = new StringContent(co, Encoding.UTF8, "text/plain");
        var imported = await server.Client.PostAsync(new Uri("/countries/MAR/recommendations/import?fileName=co.txt&format=co-text&symbol=CAT/C/MAR/CO/4", UriKind.Relative), content);
        var all = await server.Client.GetFromJsonAsync<JsonElement>("/countries/MAR/recommendations?symbol=CAT/C/MAR/CO/4");
        var first = all.GetProperty("items")[0].GetProperty("id").GetString();
        await server.Client.PutAsJsonAsync($"/countries/MAR/recommendations/{first}/assignment", new { lead = "justice", supporting = Array.Empty<string>() });
        var focal = await server.ClientForAsync("focal.mar@demo.nmirf.test");

        var mine = await focal.GetFromJsonAsync<JsonElement>("/countries/MAR/recommendations?symbol=CAT/C/MAR/CO/4");
        var other = await focal.GetAsync(new Uri($"/countries/MAR/recommendations/{all.GetProperty("items")[1].GetProperty("id").GetString()}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        Assert.Equal(first, Assert.Single(mine.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task OversizedBody_IsRefusedBeforeItIsRead()
    {
        // The request announces 11 MB and sends none of it: the server answers from the headers alone.
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server.Address.Host, server.Address.Port);
        var stream = tcp.GetStream();
        var token = server.Client.DefaultRequestHeaders.Authorization!.Parameter;
        var head = $"PUT /countries/MAR/mandate HTTP/1.1\r\nHost: {server.Address.Authority}\r\nAuthorization: Bearer {token}\r\nContent-Type: application/yaml\r\nContent-Length: {11 * 1024 * 1024}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var reader = new StreamReader(stream, Encoding.ASCII);

        var statusLine = await reader.ReadLineAsync();

        Assert.StartsWith("HTTP/1.1 413", statusLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        var response = await server.Anonymous().GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("..\\windows\\system.ini")]
    [InlineData("/etc/shadow")]
    [InlineData("evidence\0.pdf")]
    [InlineData("..")]
    public void UploadName_WithAPath_IsRefused(string name) =>
        Assert.Equal("fileName", Assert.Single(StoredFileNames.ForStorage(name).Errors).Field);

    [Fact]
    public void UploadName_Plain_IsStoredUnderANewNameKeepingOnlyItsExtension()
    {
        var stored = StoredFileNames.ForStorage("Rapport final (2026).PDF").Value;

        Assert.Matches("^[0-9a-f]{32}\\.pdf$", stored);
    }
}

public sealed class RateLimitTests(RateLimitedServerFixture server) : IClassFixture<RateLimitedServerFixture>
{
    [Fact]
    public async Task SignIn_BeyondTheLimit_Is429()
    {
        var client = server.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/auth/sign-in", new { email = "nobody@example.org", password = "wrong-password" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }
}
