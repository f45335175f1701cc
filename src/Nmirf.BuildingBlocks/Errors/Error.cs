namespace Nmirf.BuildingBlocks.Errors;

/// <summary>What kind of failure an <see cref="Error"/> reports; the edges map it to an HTTP status or an exit code.</summary>
public enum ErrorKind
{
    /// <summary>The input breaks a rule; nothing was written.</summary>
    Validation,
    /// <summary>The thing asked for does not exist.</summary>
    NotFound,
    /// <summary>The change would contradict data already stored (a duplicate, a record still in use).</summary>
    Conflict,
    /// <summary>The caller may see the thing but not do this to it.</summary>
    Forbidden,
}

/// <summary>
/// One problem with an input, addressed so a person can fix it: <see cref="Field"/> is a path such as
/// <c>institutions[2].code</c>; <see cref="Line"/> and <see cref="Column"/> are set when the input came from a file.
/// </summary>
public sealed record Error(string Field, string Message, ErrorKind Kind = ErrorKind.Validation)
{
    public int? Line { get; init; }
    public int? Column { get; init; }

    public static Error NotFound(string field, string message) => new(field, message, ErrorKind.NotFound);
    public static Error Conflict(string field, string message) => new(field, message, ErrorKind.Conflict);

    public static Error Forbidden(string field, string message) => new(field, message, ErrorKind.Forbidden);

    /// <summary>The error as one line: <c>line 12, column 5: institutions[2].code: ...</c>.</summary>
    public override string ToString()
    {
        var where = Line is { } line ? $"line {line}{(Column is { } c ? $", column {c}" : "")}: " : "";
        var field = string.IsNullOrEmpty(Field) ? "" : $"{Field}: ";
        return where + field + Message;
    }
}
