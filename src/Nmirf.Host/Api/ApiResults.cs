using Microsoft.AspNetCore.Http.HttpResults;
using Nmirf.BuildingBlocks.Errors;

namespace Nmirf.Host.Api;

/// <summary>Maps results to HTTP: success to 200/201/204, errors to a problem-details body naming each field.</summary>
internal static class ApiResults
{
    public static IResult Ok<T>(Result<T> result) => result.IsSuccess ? TypedResults.Ok(result.Value) : Problem(result);

    public static IResult Created<T>(Result<T> result, Func<T, string> location) =>
        result.IsSuccess ? TypedResults.Created(location(result.Value), result.Value) : Problem(result);

    public static IResult NoContent<T>(Result<T> result) => result.IsSuccess ? TypedResults.NoContent() : Problem(result);

    public static IResult Problem<T>(Result<T> result) => Problem(result.Errors, result.ErrorKind);

    public static ProblemHttpResult Problem(IReadOnlyList<Error> errors, ErrorKind kind = ErrorKind.Validation)
    {
        var (status, title) = kind switch
        {
            ErrorKind.NotFound => (StatusCodes.Status404NotFound, "Not found"),
            ErrorKind.Conflict => (StatusCodes.Status409Conflict, "Conflict with stored data"),
            ErrorKind.Forbidden => (StatusCodes.Status403Forbidden, "Not yours to do"),
            _ => (StatusCodes.Status400BadRequest, "Invalid input: nothing was written"),
        };
        var byField = errors
            .GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Line is null ? e.Message : e.ToString()).ToArray());
        return TypedResults.Problem(
            statusCode: status,
            title: title,
            detail: string.Join("; ", errors.Select(e => e.ToString())),
            extensions: new Dictionary<string, object?> { ["errors"] = byField });
    }
}
