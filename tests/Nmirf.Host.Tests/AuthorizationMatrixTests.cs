using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Nmirf.Accounts;
using Nmirf.Host.Api;
using Nmirf.Host.Composition;
using Nmirf.Host.Security;

namespace Nmirf.Host.Tests;

/// <summary>
/// Every endpoint of the host, for every kind of caller and for the caller's own country and another: allowed or
/// refused as the table says. An endpoint missing from the table fails the test, so a new endpoint must be placed in
/// it, with its rule, before it can land.
/// </summary>
public sealed class AuthorizationMatrixTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private abstract record Rule;

    private sealed record Anyone : Rule;

    private sealed record SignedIn : Rule;

    private sealed record NetworkAdministrator : Rule;

    private sealed record InCountry(Permission Permission) : Rule;

    private static readonly Dictionary<string, Rule> Table = new()
    {
        ["GET /health"] = new Anyone(),
        ["GET /openapi/{documentName}.json"] = new Anyone(),
        ["POST /auth/sign-in"] = new Anyone(),
        ["POST /auth/accept-invitation"] = new Anyone(),
        ["POST /auth/sign-out"] = new SignedIn(),
        ["GET /me/"] = new SignedIn(),
        ["GET /me/tokens"] = new SignedIn(),
        ["POST /me/tokens"] = new SignedIn(),
        ["DELETE /me/tokens/{id:guid}"] = new SignedIn(),
        ["GET /instruments"] = new SignedIn(),
        ["GET /plugins"] = new SignedIn(),
        ["GET /bodies"] = new SignedIn(),
        ["GET /bodies/{id}"] = new SignedIn(),
        ["GET /symbols/parse"] = new SignedIn(),
        ["GET /symbols/generate"] = new SignedIn(),
        ["GET /countries/"] = new SignedIn(),
        ["POST /countries/"] = new NetworkAdministrator(),
        ["GET /audit"] = new NetworkAdministrator(),
        ["GET /countries/{country}/"] = new InCountry(Permission.MandateRead),
        ["PUT /countries/{country}/"] = new InCountry(Permission.MandateWrite),
        ["DELETE /countries/{country}/"] = new NetworkAdministrator(),
        ["GET /countries/{country}/mandate"] = new InCountry(Permission.MandateRead),
        ["PUT /countries/{country}/mandate"] = new InCountry(Permission.MandateWrite),
        ["GET /countries/{country}/mechanism/"] = new InCountry(Permission.MandateRead),
        ["PUT /countries/{country}/mechanism/"] = new InCountry(Permission.MandateWrite),
        ["DELETE /countries/{country}/mechanism/"] = new InCountry(Permission.MandateWrite),
        ["GET /countries/{country}/institutions/"] = new InCountry(Permission.MandateRead),
        ["POST /countries/{country}/institutions/"] = new InCountry(Permission.MandateWrite),
        ["GET /countries/{country}/institutions/{code}"] = new InCountry(Permission.MandateRead),
        ["PUT /countries/{country}/institutions/{code}"] = new InCountry(Permission.MandateWrite),
        ["DELETE /countries/{country}/institutions/{code}"] = new InCountry(Permission.MandateWrite),
        ["GET /countries/{country}/focal-points/"] = new InCountry(Permission.MandateRead),
        ["POST /countries/{country}/focal-points/"] = new InCountry(Permission.MandateWrite),
        ["GET /countries/{country}/focal-points/{id:guid}"] = new InCountry(Permission.MandateRead),
        ["PUT /countries/{country}/focal-points/{id:guid}"] = new InCountry(Permission.MandateWrite),
        ["DELETE /countries/{country}/focal-points/{id:guid}"] = new InCountry(Permission.MandateWrite),
        ["GET /countries/{country}/ratifications/"] = new InCountry(Permission.MandateRead),
        ["POST /countries/{country}/ratifications/"] = new InCountry(Permission.MandateWrite),
        ["GET /countries/{country}/ratifications/{instrument}"] = new InCountry(Permission.MandateRead),
        ["PUT /countries/{country}/ratifications/{instrument}"] = new InCountry(Permission.MandateWrite),
        ["DELETE /countries/{country}/ratifications/{instrument}"] = new InCountry(Permission.MandateWrite),
        ["GET /countries/{country}/calendar"] = new InCountry(Permission.CalendarRead),
        ["GET /countries/{country}/calendar.ics"] = new InCountry(Permission.CalendarRead),
        ["GET /countries/{country}/cycles/"] = new InCountry(Permission.CyclesRead),
        ["POST /countries/{country}/cycles/"] = new InCountry(Permission.CyclesWrite),
        ["GET /countries/{country}/cycles/{id:guid}"] = new InCountry(Permission.CyclesRead),
        ["PUT /countries/{country}/cycles/{id:guid}"] = new InCountry(Permission.CyclesWrite),
        ["DELETE /countries/{country}/cycles/{id:guid}"] = new InCountry(Permission.CyclesWrite),
        ["GET /countries/{country}/users/"] = new InCountry(Permission.UsersRead),
        ["POST /countries/{country}/users/"] = new InCountry(Permission.UsersManage),
        ["PUT /countries/{country}/users/{email}/roles/{role}"] = new InCountry(Permission.UsersManage),
        ["DELETE /countries/{country}/users/{email}/roles/{role}"] = new InCountry(Permission.UsersManage),
        ["GET /countries/{country}/audit"] = new InCountry(Permission.AuditRead),
        ["GET /countries/{country}/recommendations/"] = new InCountry(Permission.RecommendationsRead),
        ["GET /countries/{country}/recommendations/summary"] = new InCountry(Permission.RecommendationsRead),
        ["GET /countries/{country}/recommendations/export"] = new InCountry(Permission.RecommendationsRead),
        ["POST /countries/{country}/recommendations/import"] = new InCountry(Permission.RecommendationsWrite),
        ["POST /countries/{country}/recommendations/follow-up"] = new InCountry(Permission.RecommendationsWrite),
        ["GET /countries/{country}/recommendations/{id:guid}"] = new InCountry(Permission.RecommendationsRead),
        ["PUT /countries/{country}/recommendations/{id:guid}/assignment"] = new InCountry(Permission.RecommendationsWrite),
        ["POST /countries/{country}/recommendations/{id:guid}/status"] = new InCountry(Permission.RecommendationsWrite),
        ["POST /countries/{country}/recommendations/{id:guid}/themes"] = new InCountry(Permission.RecommendationsWrite),
        ["GET /countries/{country}/recommendations/{id:guid}/suggestions"] = new InCountry(Permission.RecommendationsWrite),
        ["POST /countries/{country}/recommendations/{id:guid}/progress"] = new InCountry(Permission.ProgressWrite),
        ["GET /countries/{country}/recommendations/{id:guid}/evidence/{fileId:guid}"] = new InCountry(Permission.RecommendationsRead),
        ["GET /countries/{country}/clusters/"] = new InCountry(Permission.RecommendationsRead),
        ["PUT /countries/{country}/clusters/{code}"] = new InCountry(Permission.RecommendationsWrite),
        ["POST /countries/{country}/clusters/{code}/members"] = new InCountry(Permission.RecommendationsWrite),
        ["GET /countries/{country}/workflows/"] = new InCountry(Permission.WorkflowsRead),
        ["POST /countries/{country}/workflows/"] = new InCountry(Permission.WorkflowsWrite),
        ["POST /countries/{country}/workflows/validate"] = new InCountry(Permission.WorkflowsWrite),
        ["GET /countries/{country}/workflows/{id}"] = new InCountry(Permission.WorkflowsRead),
        ["GET /countries/{country}/workflows/{id}/diagram"] = new InCountry(Permission.WorkflowsRead),
        ["POST /countries/{country}/workflows/{id}/publish"] = new InCountry(Permission.WorkflowsWrite),
        ["GET /countries/{country}/tasks/"] = new InCountry(Permission.TasksRead),
        ["GET /countries/{country}/tasks/{id:guid}"] = new InCountry(Permission.TasksRead),
        ["POST /countries/{country}/tasks/{id:guid}/complete"] = new InCountry(Permission.TasksWork),
        ["POST /countries/{country}/tasks/{id:guid}/return"] = new InCountry(Permission.TasksWork),
        ["POST /countries/{country}/tasks/{id:guid}/comments"] = new InCountry(Permission.TasksWork),
        ["POST /countries/{country}/tasks/{id:guid}/reassign"] = new InCountry(Permission.TasksManage),
        ["GET /countries/{country}/cycle-runs/"] = new InCountry(Permission.CyclesRead),
        ["POST /countries/{country}/cycle-runs/"] = new InCountry(Permission.CyclesRun),
        ["GET /countries/{country}/cycle-runs/{id:guid}"] = new InCountry(Permission.CyclesRead),
        ["POST /countries/{country}/cycle-runs/{id:guid}/milestones"] = new InCountry(Permission.CyclesRun),
        ["GET /countries/{country}/cycle-runs/{id:guid}/diagram"] = new InCountry(Permission.CyclesRead),
        ["GET /countries/{country}/templates/"] = new InCountry(Permission.TemplatesRead),
        ["GET /countries/{country}/templates/{body}/{file}"] = new InCountry(Permission.TemplatesRead),
        ["PUT /countries/{country}/templates/{body}/{file}"] = new InCountry(Permission.TemplatesWrite),
        ["DELETE /countries/{country}/templates/{body}/{file}"] = new InCountry(Permission.TemplatesWrite),
        ["POST /countries/{country}/templates/validate"] = new InCountry(Permission.TemplatesWrite),
        ["GET /countries/{country}/drafts/"] = new InCountry(Permission.TemplatesRead),
        ["GET /countries/{country}/drafts/{id:guid}/file"] = new InCountry(Permission.TemplatesRead),
        ["POST /countries/{country}/drafts/"] = new InCountry(Permission.DraftsGenerate),
        ["POST /countries/{country}/drafts/file"] = new InCountry(Permission.DraftsGenerate),
    };

    /// <summary>Every endpoint the host maps, read from the host as it is built (not from a list kept by hand).</summary>
    private static List<string> HostEndpoints()
    {
        var app = ApiHost.Build(new HostSettings(new Dictionary<string, string?> { ["ConnectionStrings:Nmirf"] = "Data Source=:memory:" }));
        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>();
        return endpoints
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [Fact]
    public void Table_CoversEveryEndpointOfTheHostAndNoOther()
    {
        var endpoints = HostEndpoints();

        Assert.Empty(endpoints.Except(Table.Keys));
        Assert.Empty(Table.Keys.Except(endpoints));
    }

    [Fact]
    public async Task EveryEndpoint_AllowsAndRefusesExactlyAsTheTableSays()
    {
        var callers = new (string Name, HttpClient Client, CountryRole? Role, bool Network)[]
        {
            ("anonymous", server.Anonymous(), null, false),
            ("network administrator", server.Client, null, true),
            ("MAR administrator", await server.ClientForAsync("admin.mar@demo.nmirf.test"), CountryRole.Administrator, false),
            ("MAR drafter", await server.ClientForAsync("drafter.mar@demo.nmirf.test"), CountryRole.Drafter, false),
            ("MAR focal point", await server.ClientForAsync("focal.mar@demo.nmirf.test"), CountryRole.FocalPoint, false),
            ("MAR viewer", await server.ClientForAsync("viewer.mar@demo.nmirf.test"), CountryRole.Viewer, false),
        };
        var failures = new List<string>();
        foreach (var (endpoint, rule) in Table.OrderBy(e => e.Key.StartsWith("DELETE", StringComparison.Ordinal)).ThenBy(e => e.Key, StringComparer.Ordinal))
        {
            foreach (var country in endpoint.Contains("{country}", StringComparison.Ordinal) ? new[] { "MAR", "PRT" } : ["MAR"])
            {
                foreach (var caller in callers)
                {
                    var expected = rule switch
                    {
                        Anyone => true,
                        SignedIn => caller.Name != "anonymous",
                        NetworkAdministrator => caller.Network,
                        InCountry inCountry => caller.Network || (caller.Role is { } role && country == "MAR" && RolePermissions.Allows(role, inCountry.Permission)),
                        _ => throw new InvalidOperationException(),
                    };
                    var status = await SendAsync(caller.Client, endpoint, country);
                    var allowed = status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
                    if (allowed != expected)
                    {
                        failures.Add($"{endpoint} [{country}] as {caller.Name}: {(int)status}, expected {(expected ? "allowed" : "refused")}");
                    }
                }
            }
        }

        Assert.Empty(failures);
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string endpoint, string country)
    {
        var space = endpoint.IndexOf(' ', StringComparison.Ordinal);
        var method = new HttpMethod(endpoint[..space]);
        var path = endpoint[(space + 1)..]
            .Replace("{country}", country, StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("{id:guid}", Guid.Empty.ToString(), StringComparison.Ordinal)
            .Replace("{fileId:guid}", Guid.Empty.ToString(), StringComparison.Ordinal)
            .Replace("{id}", "cat", StringComparison.Ordinal)
            .Replace("{code}", "no-such-institution", StringComparison.Ordinal)
            .Replace("{instrument}", "ICCPR-OP2", StringComparison.Ordinal)
            .Replace("{email}", "nobody@example.org", StringComparison.Ordinal)
            .Replace("{role}", "Viewer", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(method, path);
        if (method == HttpMethod.Post || method == HttpMethod.Put)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        return response.StatusCode;
    }
}
