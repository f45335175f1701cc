using System.Globalization;
using System.Text.Json;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Workflows.Definitions;

namespace Nmirf.Workflows.Tasks;

/// <summary>Checks a task's answers against its form: every required field, no unknown field, each value of its type.</summary>
internal static class FormAnswers
{
    public const int MaxTextLength = 100_000;

    public static Dictionary<string, JsonElement> Check(IReadOnlyList<FormField> form, JsonElement answers, ErrorList errors)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (answers.ValueKind != JsonValueKind.Object)
        {
            errors.Add("answers", "must be a JSON object of field names and values");
            return values;
        }

        foreach (var property in answers.EnumerateObject())
        {
            var field = form.FirstOrDefault(f => f.Name == property.Name);
            if (field is null)
            {
                errors.Add($"answers.{property.Name}", $"unknown field: the form has {(form.Count == 0 ? "no fields" : string.Join(", ", form.Select(f => f.Name)))}");
                continue;
            }

            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (Problem(field, property.Value) is { } problem)
            {
                errors.Add($"answers.{property.Name}", problem);
                continue;
            }

            values[field.Name] = property.Value.Clone();
        }

        foreach (var field in form.Where(f => f.Required && !values.ContainsKey(f.Name)))
        {
            errors.Add($"answers.{field.Name}", "required");
        }

        return values;
    }

    private static string? Problem(FormField field, JsonElement value) => field.Type switch
    {
        FieldType.Text when value.ValueKind != JsonValueKind.String => "must be text",
        FieldType.Text when string.IsNullOrWhiteSpace(value.GetString()) && field.Required => "required",
        FieldType.Text when value.GetString()!.Length > MaxTextLength => $"is longer than {MaxTextLength} characters",
        FieldType.Number when value.ValueKind != JsonValueKind.Number => "must be a number",
        FieldType.Boolean when value.ValueKind is not (JsonValueKind.True or JsonValueKind.False) => "must be true or false",
        FieldType.Date when value.ValueKind != JsonValueKind.String || !DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => "must be a date written yyyy-mm-dd",
        FieldType.Choice when value.ValueKind != JsonValueKind.String || !field.Options.Contains(value.GetString()!, StringComparer.Ordinal) => $"must be one of {string.Join(", ", field.Options)}",
        FieldType.Url when value.ValueKind != JsonValueKind.String || !Uri.TryCreate(value.GetString(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") => "must be an http or https address",
        FieldType.FileList when value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String) => "must be a list of file names or addresses",
        _ => null,
    };
}
