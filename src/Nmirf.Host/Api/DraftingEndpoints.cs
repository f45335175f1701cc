using System.Globalization;
using System.Text;
using Mediator;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Drafting.Templates;
using Nmirf.Drafting.Use;
using Nmirf.Host.Security;

namespace Nmirf.Host.Api;

/// <summary>A country's report templates (the chain as it sees it, its own versions) and its drafts.</summary>
internal static class DraftingEndpoints
{
    /// <summary>The largest template accepted in a request body.</summary>
    private const int MaxTemplateBytes = 1024 * 1024;

    public sealed record DraftRequest(string? Body, string? Document, Guid? Cycle, string? Language, DraftFormat? Format);

    /// <summary>A draft with its word check; <c>Content</c> is the file, base64-encoded.</summary>
    public sealed record DraftResponse(Draft Draft, string Content);

    public static void MapDraftingEndpoints(this RouteGroupBuilder country)
    {
        var templates = country.MapGroup("/templates").WithTags("Templates");
        templates.MapGet("/", async (string country, string? body, ISender sender, CancellationToken ct) => ApiResults.Ok(await sender.Send(new ListTemplates(body, country), ct)))
            .RequirePermission(Permission.TemplatesRead)
            .WithSummary("The templates along the chain (the country's own, the deployment's overrides, the plugins', the shared ones), each with the source that applies.");
        templates.MapGet("/{body}/{file}", async (string country, string body, string file, TemplateOrigin? from, ISender sender, CancellationToken ct) =>
            {
                var result = await sender.Send(new ShowTemplate($"{body}/{file}", country, from), ct);
                return result.IsSuccess ? TypedResults.Text(result.Value.Text, "text/plain", Encoding.UTF8) : ApiResults.Problem(result);
            })
            .RequirePermission(Permission.TemplatesRead)
            .WithSummary("The text of the template that applies to the country (or of one source with ?from=Deployment|Plugin|Shared).");
        templates.MapPost("/validate", async (string country, string? name, HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                var (text, problem) = await ReadTextAsync(request, ct);
                return problem ?? ApiResults.Ok(await sender.Send(new ValidateTemplate(name, text!, country), ct));
            })
            .RequirePermission(Permission.TemplatesWrite)
            .WithSummary("Checks a template (the request body, UTF-8 text) without saving it: it must parse and render a sample report within the limits.");
        templates.MapPut("/{body}/{file}", async (string country, string body, string file, HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                var (text, problem) = await ReadTextAsync(request, ct);
                return problem ?? ApiResults.Ok(await sender.Send(new SaveTemplateOverride(country, $"{body}/{file}", text!), ct));
            })
            .RequirePermission(Permission.TemplatesWrite)
            .WithSummary("Saves the country's own version of a template (validated first; nothing is saved when it fails).");
        templates.MapDelete("/{body}/{file}", async (string country, string body, string file, ISender sender, CancellationToken ct) =>
                ApiResults.NoContent(await sender.Send(new DeleteTemplateOverride(country, $"{body}/{file}"), ct)))
            .RequirePermission(Permission.TemplatesWrite)
            .WithSummary("Removes the country's own version; the next source of the chain applies again.");

        var drafts = country.MapGroup("/drafts").WithTags("Drafts");
        drafts.MapGet("/", async (string country, string? body, ISender sender, CancellationToken ct) => ApiResults.Ok(await sender.Send(new ListDrafts(country, body), ct)))
            .RequirePermission(Permission.TemplatesRead)
            .WithSummary("The drafts kept for the country (those its cycles' generate-draft steps made), newest first.");
        drafts.MapGet("/{id:guid}/file", async (string country, Guid id, ISender sender, CancellationToken ct) =>
            {
                var result = await sender.Send(new GetDraftFile(country, id), ct);
                return result.IsSuccess ? TypedResults.File(result.Value.Content, result.Value.ContentType, result.Value.FileName) : ApiResults.Problem(result);
            })
            .RequirePermission(Permission.TemplatesRead)
            .WithSummary("A kept draft's file.");
        drafts.MapPost("/", async (string country, DraftRequest request, ISender sender, CancellationToken ct) =>
            {
                var result = await GenerateAsync(country, request, sender, ct);
                return result.IsSuccess ? TypedResults.Ok(new DraftResponse(result.Value, Convert.ToBase64String(result.Value.Content))) : ApiResults.Problem(result);
            })
            .RequirePermission(Permission.DraftsGenerate)
            .WithSummary("Generates a draft and returns it (base64) with its word check against the body's limit.");
        drafts.MapPost("/file", async (string country, DraftRequest request, HttpResponse response, ISender sender, CancellationToken ct) =>
            {
                var result = await GenerateAsync(country, request, sender, ct);
                if (!result.IsSuccess)
                {
                    return ApiResults.Problem(result);
                }

                var words = result.Value.Words;
                response.Headers["X-Word-Count"] = words.Counted.ToString(CultureInfo.InvariantCulture);
                response.Headers["X-Word-Limit"] = words.Limit?.ToString(CultureInfo.InvariantCulture) ?? "none";
                response.Headers["X-Word-Excess"] = words.Excess.ToString(CultureInfo.InvariantCulture);
                return TypedResults.File(result.Value.Content, result.Value.ContentType, result.Value.FileName);
            })
            .RequirePermission(Permission.DraftsGenerate)
            .WithSummary("Generates a draft and returns the file itself; the word check is in the X-Word-Count, X-Word-Limit and X-Word-Excess headers.");
    }

    private static async Task<Result<Draft>> GenerateAsync(string country, DraftRequest request, ISender sender, CancellationToken ct)
    {
        var errors = new ErrorList();
        errors.Required("body", request.Body);
        errors.Required("document", request.Document);
        if (request.Format is null)
        {
            errors.Add("format", "is required: md, html or docx");
        }

        return errors.HasErrors
            ? Result<Draft>.Failure(errors.Errors)
            : await sender.Send(new GenerateDraft(country, request.Body!, request.Document!, request.Format!.Value, request.Cycle, request.Language), ct);
    }

    private static async Task<(string? Text, IResult? Problem)> ReadTextAsync(HttpRequest request, CancellationToken ct)
    {
        var body = await RequestBody.ReadAsync(request, MaxTemplateBytes, ct);
        if (body is null)
        {
            return (null, RequestBody.TooLarge($"a template is at most {MaxTemplateBytes / 1024} KiB"));
        }

        if (body.Length == 0)
        {
            return (null, ApiResults.Problem([new Error("", "a body is required: the template's text (UTF-8)")]));
        }

        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body).TrimStart('\uFEFF'), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, ApiResults.Problem([new Error("", "the body is not UTF-8 text")]));
        }
    }
}
