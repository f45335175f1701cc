using System.Text.RegularExpressions;
using Nmirf.BuildingBlocks.Errors;

namespace Nmirf.BuildingBlocks.Files;

/// <summary>
/// Names of files people upload (evidence, attachments). The name a person gives is kept as a label only; the file is
/// stored under a name the system makes, so an uploaded name can never choose a path.
/// </summary>
public static partial class StoredFileNames
{
    public const int MaxLength = 200;

    [GeneratedRegex(@"^\.[a-z0-9]{1,10}$")]
    private static partial Regex Extension();

    /// <summary>Why <paramref name="name"/> cannot be the label of an uploaded file, or null when it can.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "is empty";
        }

        if (name.Length > MaxLength)
        {
            return $"is {name.Length} characters long; the limit is {MaxLength}";
        }

        if (name.IndexOfAny(['/', '\\', '\0']) >= 0 || name.Contains("..", StringComparison.Ordinal) || name.Any(char.IsControl))
        {
            return $"'{name}' holds a path, a parent-folder reference or a control character; give a plain file name";
        }

        return name.Trim() is "." or ".." ? $"'{name}' is not a file name" : null;
    }

    /// <summary>The name to store a file under: a new identifier, with the label's extension when it is a plain one.</summary>
    public static Result<string> ForStorage(string? label)
    {
        if (Problem(label) is { } problem)
        {
            return new Error("fileName", problem);
        }

        var extension = Path.GetExtension(label!).ToLowerInvariant();
        return Guid.CreateVersion7().ToString("N") + (Extension().IsMatch(extension) ? extension : "");
    }
}
