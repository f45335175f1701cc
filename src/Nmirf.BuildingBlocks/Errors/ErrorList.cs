namespace Nmirf.BuildingBlocks.Errors;

/// <summary>Collects validation errors under a path prefix, so nested rules report full paths such as <c>focalPoints[3].email</c>.</summary>
public sealed class ErrorList
{
    private readonly List<Error> _errors;
    private readonly string _prefix;

    public ErrorList() : this([], "")
    {
    }

    private ErrorList(List<Error> errors, string prefix)
    {
        _errors = errors;
        _prefix = prefix;
    }

    public bool HasErrors => _errors.Count > 0;
    public IReadOnlyList<Error> Errors => _errors;

    /// <summary>A view that adds its errors to the same list under <paramref name="segment"/>.</summary>
    public ErrorList At(string segment) => new(_errors, Join(_prefix, segment));

    /// <summary>A view for the element at <paramref name="index"/> of the collection <paramref name="segment"/>.</summary>
    public ErrorList At(string segment, int index) => new(_errors, Join(_prefix, segment) + $"[{index}]");

    public void Add(string field, string message, ErrorKind kind = ErrorKind.Validation) =>
        _errors.Add(new Error(Join(_prefix, field), message, kind));

    public void Add(Error error) => _errors.Add(error with { Field = Join(_prefix, error.Field) });

    /// <summary>Adds an error when <paramref name="value"/> is null or blank.</summary>
    public bool Required(string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        Add(field, "is required");
        return false;
    }

    /// <summary>Adds an error when <paramref name="value"/> is longer than <paramref name="max"/> characters.</summary>
    public void MaxLength(string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            Add(field, $"is {value.Length} characters long; the limit is {max}");
        }
    }

    public Result<T> ToResult<T>(Func<T> onSuccess) => HasErrors ? Result<T>.Failure(_errors.ToList()) : Result<T>.Success(onSuccess());

    private static string Join(string prefix, string segment) =>
        prefix.Length == 0 ? segment
        : segment.Length == 0 ? prefix
        : segment[0] == '[' ? prefix + segment
        : $"{prefix}.{segment}";
}
