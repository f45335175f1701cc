using System.Text.Json;
using Nmirf.Plugins.Abstractions;

namespace Nmirf.Host.Plugins;

/// <summary>
/// A deployment's overrides of plugin rules, from a JSON file named by <c>Plugins:OverridesFile</c>:
/// <code>
/// { "cescr": { "follow-up.deadline": "P2Y", "follow-up.recommendations": { "value": "3", "source": "E/C.12/..." } } }
/// </code>
/// The file applies all or nothing: one unknown plugin or rule, or one bad value, and none of it is applied.
/// </summary>
internal static class RuleOverrides
{
    public sealed record Override(string Body, Rule Rule);

    public static (IReadOnlyList<Override> Overrides, IReadOnlyList<string> Problems) Read(string path, IReadOnlyDictionary<string, ReportingRules> rulesByBody)
    {
        if (!File.Exists(path))
        {
            return ([], [$"{path}: the rule-override file does not exist"]);
        }

        var text = File.ReadAllText(path);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            root = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            return ([], [$"{path}:{exception.LineNumber + 1}: not valid JSON"]);
        }

        var overrides = new List<Override>();
        var problems = new List<string>();
        string Where(params string[] names) => $"{path}:{LineOf(text, names)}";
        if (root.ValueKind != JsonValueKind.Object)
        {
            return ([], [$"{path}:1: expected an object keyed by plugin id"]);
        }

        foreach (var body in root.EnumerateObject())
        {
            if (!rulesByBody.TryGetValue(body.Name, out var rules))
            {
                problems.Add($"{Where(body.Name)}: no loaded plugin '{body.Name}' (loaded: {string.Join(", ", rulesByBody.Keys.Order(StringComparer.Ordinal))})");
                continue;
            }

            if (body.Value.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{Where(body.Name)}: {body.Name}: expected an object keyed by rule");
                continue;
            }

            foreach (var entry in body.Value.EnumerateObject())
            {
                var where = Where(body.Name, entry.Name);
                if (rules.Find(entry.Name) is not { } rule)
                {
                    problems.Add($"{where}: {body.Name}: no rule '{entry.Name}' (rules: {string.Join(", ", rules.All.Select(r => r.Key))})");
                    continue;
                }

                var (value, source) = entry.Value.ValueKind switch
                {
                    JsonValueKind.String => (entry.Value.GetString(), null),
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => (entry.Value.GetRawText(), null),
                    JsonValueKind.Object => (Text(entry.Value, "value"), Text(entry.Value, "source")),
                    _ => ((string?)null, (string?)null),
                };
                if (value is null)
                {
                    problems.Add($"{where}: {body.Name}.{entry.Name}: expected a value, or an object with 'value' and 'source'");
                    continue;
                }

                if (rule.ProblemWith(value) is { } problem)
                {
                    problems.Add($"{where}: {body.Name}.{entry.Name}: {problem}");
                    continue;
                }

                var note = source is null ? $"overridden in {Path.GetFileName(path)}" : $"overridden in {Path.GetFileName(path)}: {source}";
                overrides.Add(new Override(body.Name, rule with { Value = rule.Type == RuleType.Duration ? Period.Parse(value).ToString() : value, Source = note, Verified = source is not null }));
            }
        }

        return problems.Count > 0 ? ([], problems) : (overrides, []);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The line of the first quoted occurrence of the last name, searched after each earlier one.</summary>
    private static int LineOf(string text, string[] names)
    {
        var at = 0;
        foreach (var name in names)
        {
            var found = text.IndexOf($"\"{name}\"", at, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            at = found;
        }

        return 1 + text.AsSpan(0, at).Count('\n');
    }
}
