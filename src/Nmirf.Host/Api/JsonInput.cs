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

    [GeneratedRegex(@"could not be converted to (?:System\.Nullable`1\[)?(?<type>[A-Za-z0-9_.]+)")]
    private static partial Regex TargetType();

    /// <summary>The error for a JSON body that does not parse or does not fit the expected shape.</summary>
    public static Error Describe(JsonException exception)
    {
        var field = exception.Path is { Length: > 0 } path ? path.TrimStart('$').TrimStart('.') : "";
        if (UnmappedProperty().Match(exception.Message) is { Success: true } unmapped)
        {
            var name = unmapped.Groups["name"].Value;
            return new Error(field.EndsWith(name, StringComparison.Ordinal) ? field : $"{field}.{name}".TrimStart('.'), $"unknown field '{name}'");
        }

        var where = exception.LineNumber is { } line ? $" (line {line + 1}, position {exception.BytePositionInLine + 1})" : "";
        if (exception.InnerException is null && TargetType().Match(exception.Message) is { Success: true } target)
        {
            return new Error(field, Expected(target.Groups["type"].Value) + where);
        }

        return new Error(field, "is not valid JSON" + where);
    }

    /// <summary>What a value of the named contract type looks like, without naming .NET types to the caller.</summary>
    private static string Expected(string typeName)
    {
        var type = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name?.StartsWith("Nmirf", StringComparison.Ordinal) == true || a == typeof(object).Assembly)
            .Select(a => a.GetType(typeName, throwOnError: false))
            .FirstOrDefault(t => t is not null);
        return type switch
        {
            { IsEnum: true } => $"is not one of {string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.KebabCaseLower.ConvertName))}",
            _ when type == typeof(DateOnly) => "is not a date; write it as \"yyyy-MM-dd\"",
            _ when type == typeof(Guid) => "is not an identifier (a GUID)",
            _ when type == typeof(bool) => "is not true or false",
            _ when type == typeof(string) => "expected a string",
            _ when type is not null && type.Namespace?.StartsWith("System.Collections", StringComparison.Ordinal) == true => "expected an array",
            _ => "has the wrong type",
        };
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

        if (badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large", detail: "the request body is larger than this server accepts")
                .ExecuteAsync(httpContext);
            return true;
        }

        var error = badRequest.InnerException is JsonException json
            ? JsonInput.Describe(json)
            : new Error("", badRequest.Message.Contains("body was provided", StringComparison.Ordinal) || badRequest.Message.Contains("no body", StringComparison.OrdinalIgnoreCase)
                ? "a JSON body is required"
                : badRequest.Message);
        await ApiResults.Problem([error]).ExecuteAsync(httpContext);
        return true;
    }
}
