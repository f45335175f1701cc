using System.Text;
using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Nmirf.BuildingBlocks.Countries;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.BuildingBlocks.Tenancy;
using Nmirf.Mandates.Contracts;
using Nmirf.Mandates.Countries;
using Nmirf.Mandates.FocalPoints;
using Nmirf.Mandates.Institutions;
using Nmirf.Mandates.Instruments;
using Nmirf.Mandates.MandateFiles;
using Nmirf.Mandates.Mechanisms;
using Nmirf.Mandates.Ratifications;
using Nmirf.Host.Security;

namespace Nmirf.Host.Api;

/// <summary>The mandate module's HTTP API: countries and, under each, its mechanism, institutions, focal points and ratifications.</summary>
internal static class MandateEndpoints
{
    private const string YamlMediaType = "application/yaml";

    /// <summary>Maps the mandate routes and returns the <c>/countries/{country}</c> group, on which other modules map theirs.</summary>
    public static RouteGroupBuilder MapMandateEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/instruments", () => TypedResults.Ok(InstrumentCatalog.All)).RequireSignedIn()
            .WithTags("Reference").WithSummary("The core treaties and optional protocols a ratification may name.");

        var countries = app.MapGroup("/countries").WithTags("Countries");
        countries.MapGet("/", async (ISender sender, CallerAccessor callers, CancellationToken ct) =>
            {
                var caller = (await callers.GetAsync(ct))!;
                var all = await sender.Send(new ListCountries(), ct);
                return TypedResults.Ok(all.Where(c => caller.HasRoleIn(c.Code)).ToList());
            })
            .RequireSignedIn()
            .WithSummary("The countries you hold a role in (every country for a network administrator), with the size of their mandates.");
        countries.MapPost("/", async (CountryDto body, ISender sender, CancellationToken ct) =>
                ApiResults.Created(await sender.Send(new CreateCountry(body), ct), c => $"/countries/{c.Code}"))
            .RequireNetworkAdministrator()
            .WithSummary("Creates a country (a tenant) with an empty mandate.");

        var country = countries.MapGroup("/{country}").AddEndpointFilter(UseCountryFromRoute);
        country.MapGet("/", async (string country, ISender sender, CancellationToken ct) => ApiResults.Ok(await sender.Send(new GetCountry(country), ct)))
            .RequirePermission(Permission.MandateRead);
        country.MapPut("/", async (string country, CountryDto body, ISender sender, CancellationToken ct) =>
            ApiResults.Ok(await sender.Send(new UpdateCountry(country, body), ct))).RequirePermission(Permission.MandateWrite);
        country.MapDelete("/", async (string country, ISender sender, CancellationToken ct) =>
            ApiResults.NoContent(await sender.Send(new DeleteCountry(country), ct))).RequireNetworkAdministrator();

        country.MapGet("/mandate", GetMandateAsync).WithTags("Mandate").RequirePermission(Permission.MandateRead)
            .WithSummary("The whole mandate as JSON, or as a YAML mandate file with ?format=yaml or Accept: application/yaml.");
        country.MapPut("/mandate", ImportMandateAsync).WithTags("Mandate")
            .RequirePermission(Permission.MandateWrite).RequireRateLimiting(SecurityServices.ImportLimit)
            .Accepts<MandateDocument>("application/json", YamlMediaType)
            .WithSummary("Makes the stored mandate equal to the body (JSON or YAML): all or nothing; ?dryRun=true writes nothing.");

        var mechanism = country.MapGroup("/mechanism").WithTags("Mechanism");
        mechanism.MapGet("/", async (string country, ISender sender, CancellationToken ct) => ApiResults.Ok(await sender.Send(new GetMechanism(country), ct))).RequirePermission(Permission.MandateRead);
        mechanism.MapPut("/", async (string country, NationalMechanismDto body, ISender sender, CancellationToken ct) =>
            ApiResults.Ok(await sender.Send(new PutMechanism(country, body), ct))).RequirePermission(Permission.MandateWrite);
        mechanism.MapDelete("/", async (string country, ISender sender, CancellationToken ct) =>
            ApiResults.NoContent(await sender.Send(new DeleteMechanism(country), ct))).RequirePermission(Permission.MandateWrite);

        var institutions = country.MapGroup("/institutions").WithTags("Institutions");
        institutions.MapGet("/", async (string country, ISender sender, CancellationToken ct) => ApiResults.Ok(await sender.Send(new ListInstitutions(country), ct))).RequirePermission(Permission.MandateRead);
        institutions.MapPost("/", async (string country, InstitutionDto body, ISender sender, CancellationToken ct) =>
            ApiResults.Created(await sender.Send(new CreateInstitution(country, body), ct), i => $"/countries/{country}/institutions/{i.Code}")).RequirePermission(Permission.MandateWrite);
        institutions.MapGet("/{code}", async (string country, string code, ISender sender, CancellationToken ct) =>
            ApiResults.Ok(await sender.Send(new GetInstitution(country, code), ct))).RequirePermission(Permission.MandateRead);
        institutions.MapPut("/{code}", async (string country, string code, InstitutionDto body, ISender sender, CancellationToken ct) =>
            ApiResults.Ok(await sender.Send(new UpdateInstitution(country, code, body), ct))).RequirePermission(Permission.MandateWrite);
        institutions.MapDelete("/{code}", async (string country, string code, ISender sender, CancellationToken ct) =>
            ApiResults.NoContent(await sender.Send(new DeleteInstitution(country, code), ct))).RequirePermission(Permission.MandateWrite);

        var focalPoints = country.MapGroup("/focal-points").WithTags("Focal points");
        focalPoints.MapGet("/", async (string country, string? institution, ISender sender, CancellationToken ct) =>
            ApiResults.Ok(await sender.Send(new ListFocalPoints(country, institution), ct))).RequirePermission(Permission.MandateRead);
        focalPoints.MapPost("/", async (string country, FocalPointDto body, ISender sender, CancellationToken ct) =>
            ApiResults.Created(await sender.Send(new CreateFocalPoint(country, body), ct), f => $"/countries/{country}/focal-points/{f.Id}")).RequirePermission(Permission.MandateWrite);
        focalPoints.MapGet("/{id:guid}", async (string country, Guid id, ISender sender, CancellationToken ct) =>
            ApiResults.Ok(await sender.Send(new GetFocalPoint(country, id), ct))).RequirePermission(Permission.MandateRead);
        focalPoints.MapPut("/{id:guid}", async (string country, Guid id, FocalPointDto body, ISender sender, CancellationToken ct) =>
            ApiResults.Ok(await sender.Send(new UpdateFocalPoint(country, id, body), ct))).RequirePermission(Permission.MandateWrite);
        focalPoints.MapDelete("/{id:guid}", async (string country, Guid id, ISender sender, CancellationToken ct) =>
            ApiResults.NoContent(await sender.Send(new DeleteFocalPoint(country, id), ct))).RequirePermission(Permission.MandateWrite);

        var ratifications = country.MapGroup("/ratifications").WithTags("Ratifications");
        ratifications.MapGet("/", async (string country, ISender sender, CancellationToken ct) => ApiResults.Ok(await sender.Send(new ListRatifications(country), ct))).RequirePermission(Permission.MandateRead);
        ratifications.MapPost("/", async (string country, RatificationDto body, ISender sender, CancellationToken ct) =>
            ApiResults.Created(await sender.Send(new RecordRatification(country, body), ct), r => $"/countries/{country}/ratifications/{r.Instrument}")).RequirePermission(Permission.MandateWrite);
        ratifications.MapGet("/{instrument}", async (string country, string instrument, ISender sender, CancellationToken ct) =>
            ApiResults.Ok(await sender.Send(new GetRatification(country, instrument), ct))).RequirePermission(Permission.MandateRead);
        ratifications.MapPut("/{instrument}", async (string country, string instrument, RatificationDto body, ISender sender, CancellationToken ct) =>
            ApiResults.Ok(await sender.Send(new UpdateRatification(country, instrument, body), ct))).RequirePermission(Permission.MandateWrite);
        ratifications.MapDelete("/{instrument}", async (string country, string instrument, ISender sender, CancellationToken ct) =>
            ApiResults.NoContent(await sender.Send(new DeleteRatification(country, instrument), ct))).RequirePermission(Permission.MandateWrite);
        return country;
    }

    /// <summary>Every route under <c>/countries/{country}</c> works in that country: the tenant is set before the handler runs.</summary>
    private static async ValueTask<object?> UseCountryFromRoute(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var code = context.HttpContext.GetRouteValue("country") as string;
        if (!CountryCodes.IsValid(code))
        {
            return ApiResults.Problem([Error.NotFound("country", CountryCodes.Problem(code) ?? "unknown country")], ErrorKind.NotFound);
        }

        context.HttpContext.RequestServices.GetRequiredService<TenantContext>().Use(code);
        return await next(context);
    }

    private static async Task<IResult> GetMandateAsync(string country, string? format, HttpRequest request, ISender sender, CancellationToken ct)
    {
        var result = await sender.Send(new GetMandate(country), ct);
        if (!result.IsSuccess)
        {
            return ApiResults.Problem(result);
        }

        var yaml = string.Equals(format, "yaml", StringComparison.OrdinalIgnoreCase)
            || request.Headers.Accept.Any(a => a?.Contains("yaml", StringComparison.OrdinalIgnoreCase) == true);
        return yaml
            ? TypedResults.Text(MandateYaml.Write(result.Value), YamlMediaType, Encoding.UTF8)
            : TypedResults.Ok(result.Value);
    }

    private static async Task<IResult> ImportMandateAsync(
        string country, bool? dryRun, HttpRequest request, ISender sender, IOptions<JsonOptions> json, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ct);
        var isYaml = request.ContentType?.Contains("yaml", StringComparison.OrdinalIgnoreCase) == true;
        Result<MandateDocument> parsed;
        if (isYaml)
        {
            parsed = MandateYaml.Read(text);
        }
        else
        {
            try
            {
                parsed = JsonSerializer.Deserialize<MandateDocument>(text, json.Value.SerializerOptions) is { } body
                    ? body
                    : new Error("", "a JSON body is required");
            }
            catch (JsonException exception)
            {
                parsed = JsonInput.Describe(exception);
            }
        }

        if (!parsed.IsSuccess)
        {
            return ApiResults.Problem(parsed);
        }

        if (parsed.Value.Country?.Code is { } code && code != country)
        {
            return ApiResults.Problem([new Error("country.code", $"is '{code}' but the request is for {country}")]);
        }

        var document = parsed.Value with { Country = (parsed.Value.Country ?? new CountryDto()) with { Code = country } };
        var result = await sender.Send(new ImportMandate(document, dryRun ?? false), ct);
        return result.IsSuccess || !isYaml
            ? ApiResults.Ok(result)
            : ApiResults.Problem(MandateYaml.Locate(result.Errors, text), result.ErrorKind);
    }
}
