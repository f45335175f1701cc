using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Nmirf.Drafting.Templates;

/// <summary>
/// The name of a report template: <c>&lt;body&gt;/&lt;document&gt;.&lt;lang&gt;.md</c>, such as
/// <c>ccpr/periodic-report.fr.md</c>; on disk the file has <c>.scriban</c> after it. Templates write Markdown; the
/// HTML and DOCX outputs are rendered from it.
/// </summary>
public sealed partial record TemplateName(string Body, string Document, string Language)
{
    public const string Extension = ".scriban";
    public const string Format = "md";

    [GeneratedRegex(@"^(?<body>[a-z][a-z0-9-]{0,39})/(?<doc>[a-z][a-z0-9-]{0,59})\.(?<lang>[a-z]{2})\.md(?:\.scriban)?$")]
    private static partial Regex Pattern();

    /// <summary>The name without the <c>.scriban</c> suffix.</summary>
    public override string ToString() => $"{Body}/{Document}.{Language}.{Format}";

    /// <summary>The file name inside a body's folder: <c>periodic-report.fr.md.scriban</c>.</summary>
    public string FileName => $"{Document}.{Language}.{Format}{Extension}";

    public static bool TryParse(string? text, [NotNullWhen(true)] out TemplateName? name)
    {
        var match = text is null ? null : Pattern().Match(text.Trim());
        name = match is { Success: true } ? new TemplateName(match.Groups["body"].Value, match.Groups["doc"].Value, match.Groups["lang"].Value) : null;
        return name is not null;
    }

    /// <summary>What a name must look like, for error messages.</summary>
    public const string Expected = "a name such as ccpr/periodic-report.fr.md: <body>/<document>.<language>.md (lower case; the language an ISO 639-1 code)";
}

/// <summary>
/// The name of a partial a template includes, such as <c>partials/recommendation.fr</c>: lower-case segments of
/// letters, digits, dots and hyphens, separated by single slashes; never absolute, never <c>..</c>.
/// </summary>
internal static partial class IncludeName
{
    [GeneratedRegex(@"^[a-z0-9][a-z0-9.-]{0,79}(?:/[a-z0-9][a-z0-9.-]{0,79}){0,3}$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name) && !name.Contains("..", StringComparison.Ordinal);
}
