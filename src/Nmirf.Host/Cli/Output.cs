using System.Text.Json;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Host.Api;

namespace Nmirf.Host.Cli;

/// <summary>How verbs print: aligned tables for people, JSON (the API's own shapes) with --json.</summary>
internal static class Output
{
    public static readonly JsonSerializerOptions Json = CreateJsonOptions();

    public static Task WriteJsonAsync<T>(TextWriter writer, T value) => writer.WriteLineAsync(JsonSerializer.Serialize(value, Json));

    public static async Task WriteTableAsync(TextWriter writer, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var all = rows.Select(r => r.Select(c => c ?? "").ToArray()).ToList();
        var widths = headers.Select((h, i) => Math.Max(h.Length, all.Count == 0 ? 0 : all.Max(r => r[i].Length))).ToArray();
        await writer.WriteLineAsync(Line(headers.ToArray(), widths));
        await writer.WriteLineAsync(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in all)
        {
            await writer.WriteLineAsync(Line(row, widths));
        }
    }

    /// <summary>Writes each error on its own line, prefixed with the input's name (a file path, or a verb's argument).</summary>
    public static async Task<int> FailAsync(TextWriter stderr, string source, IReadOnlyList<Error> errors)
    {
        foreach (var error in errors)
        {
            var where = error.Line is { } line ? $"{source}:{line}:{error.Column ?? 1}" : source;
            var field = string.IsNullOrEmpty(error.Field) ? "" : $"{error.Field}: ";
            await stderr.WriteLineAsync($"{where}: {field}{error.Message}");
        }

        return CliApp.InvalidInput;
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd();

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions { WriteIndented = true };
        JsonInput.Configure(options);
        return options;
    }
}
