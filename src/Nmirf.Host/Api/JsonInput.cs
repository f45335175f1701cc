using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Nmirf.BuildingBlocks.Errors;

namespace Nmirf.Host.Api;

/// <summary>The JSON conventions of the API, and the problem-details answer to a body that cannot be read.</summary>
internal static partial class JsonInput
{
    /// <summary>camelCase fields, kebab-case enumeration values (as in mandate files), unknown fields refused, nulls left out.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    }

    [GeneratedRegex("The JSON property '(?<name>[^']*)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    /// <summary>The error for a JSON body that does not parse or does not fit the expected shape.</summary>
    public static Error Describe(JsonException exception)
    {
        var field = exception.Path is { Length: > 0 } path ? path.TrimStart('$').TrimStart('.') : "";
        if (UnmappedProperty().Match(exception.Message) is { Success: true } unmapped)
        {
            var name = unmapped.Groups["name"].Value;
            return new Error(field.Length == 0 ? name : $"{field}.{name}", $"unknown field '{name}'");
        }

        var where = exception.LineNumber is { } line ? $" (line {line + 1}, position {exception.BytePositionInLine + 1})" : "";
        var message = exception.InnerException is null && exception.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            ? "has the wrong type or is not one of the allowed values"
            : "is not valid JSON";
        return new Error(field, message + where);
    }
}

/// <summary>Answers a request whose body could not be bound (malformed JSON, wrong types, unknown fields) with a 400 problem.</summary>
internal sealed class BadRequestExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var error = badRequest.InnerException is JsonException json
            ? JsonInput.Describe(json)
            : new Error("", badRequest.Message.Contains("body was provided", StringComparison.Ordinal) || badRequest.Message.Contains("no body", StringComparison.OrdinalIgnoreCase)
                ? "a JSON body is required"
                : badRequest.Message);
        var problem = ApiResults.Problem([error]);
        httpContext.Response.StatusCode = badRequest.StatusCode;
        await problem.ExecuteAsync(httpContext);
        return true;
    }
}
