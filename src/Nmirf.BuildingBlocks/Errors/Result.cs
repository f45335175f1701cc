namespace Nmirf.BuildingBlocks.Errors;

/// <summary>The outcome of a command or query: a value, or the errors that prevented it. Errors are values at the edges; an exception means a bug.</summary>
public sealed class Result<T>
{
    private readonly T? _value;

    private Result(T value)
    {
        _value = value;
        Errors = [];
    }

    private Result(IReadOnlyList<Error> errors)
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failed result needs at least one error.", nameof(errors));
        }

        Errors = errors;
    }

    public bool IsSuccess => Errors.Count == 0;
    public IReadOnlyList<Error> Errors { get; }

    /// <summary>The most significant kind among the errors: not found beats forbidden beats conflict beats validation.</summary>
    public ErrorKind ErrorKind =>
        Errors.Any(e => e.Kind == ErrorKind.NotFound) ? ErrorKind.NotFound
        : Errors.Any(e => e.Kind == ErrorKind.Forbidden) ? ErrorKind.Forbidden
        : Errors.Any(e => e.Kind == ErrorKind.Conflict) ? ErrorKind.Conflict
        : ErrorKind.Validation;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException("A failed result has no value: " + string.Join("; ", Errors));

    public static Result<T> Success(T value) => new(value);
    public static Result<T> Failure(IReadOnlyList<Error> errors) => new(errors);
    public static Result<T> Failure(Error error) => new([error]);

    public static implicit operator Result<T>(T value) => Success(value);
    public static implicit operator Result<T>(Error error) => Failure(error);

    public Result<TOut> Map<TOut>(Func<T, TOut> map) => IsSuccess ? Result<TOut>.Success(map(Value)) : Result<TOut>.Failure(Errors);
}
