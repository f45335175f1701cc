using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Nmirf.BuildingBlocks.Bodies;
using Nmirf.BuildingBlocks.Countries;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Plugins.Abstractions;

namespace Nmirf.Reporting.Symbols;

/// <summary>A report number or a range of combined reports, such as <c>4</c> or <c>19-21</c>.</summary>
public readonly record struct ReportNumber(int From, int To)
{
    public static ReportNumber Of(int number) => new(number, number);

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsInitial => From == 1 && To == 1;

    public bool Contains(int number) => number >= From && number <= To;

    public static bool TryParse(string? text, out ReportNumber number)
    {
        number = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Split('-');
        if (parts.Length > 2 || !parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0))
        {
            return false;
        }

        var from = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var to = parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : from;
        if (to < from)
        {
            return false;
        }

        number = new ReportNumber(from, to);
        return true;
    }

    public override string ToString() => From == To ? From.ToString(CultureInfo.InvariantCulture) : $"{From}-{To}";
}

/// <summary>What a UN document symbol says.</summary>
/// <param name="Symbol">The symbol as the UN writes it.</param>
/// <param name="Body">The plugin id of the body, or null for a document shared by all bodies (the common core document).</param>
/// <param name="Country">The ISO 3166-1 alpha-3 code in the symbol, or null when the symbol has none.</param>
/// <param name="Kind">The kind of document, or null for a legacy symbol that does not say.</param>
/// <param name="Report">The report number or range, when the symbol has one.</param>
/// <param name="Session">The session number, when the symbol has one.</param>
/// <param name="Year">The year, when the symbol has one (common core documents).</param>
/// <param name="Legacy">True for older symbols without a country code.</param>
/// <param name="Pattern">The pattern that matched, or null for a legacy symbol matched by its prefix only.</param>
/// <param name="PatternVerified">False when the pattern itself is unverified.</param>
public sealed record ParsedSymbol(
    string Symbol,
    string? Body,
    string? Country,
    DocumentKind? Kind,
    ReportNumber? Report,
    int? Session,
    int? Year,
    bool Legacy,
    string? Pattern,
    bool PatternVerified);

/// <summary>
/// Parses and generates UN document symbols from the symbol patterns of the loaded plugins, plus the patterns every
/// body shares (the common core document, <c>HRI/CORE/...</c>). Input is matched without regard to case; the
/// answer gives the symbol as the UN writes it.
/// </summary>
public sealed partial class DocumentSymbols
{
    private static readonly SymbolPattern[] Shared =
    [
        new(DocumentKind.CommonCoreDocument, "HRI/CORE/{ISO3}/{year}", "HRI/CORE/NAM/2014 [R49]; HRI/CORE/PRY/2010 [R47]"),
        new(DocumentKind.CommonCoreDocument, "HRI/CORE/1/Add.{k}/Rev.{k}", "HRI/CORE/1/Add.23/Rev.1 (Morocco) [R30][R37]", Legacy: true),
        new(DocumentKind.CommonCoreDocument, "HRI/CORE/1/Add.{k}", "the form of HRI/CORE/1/Add.23/Rev.1 before revision [R30]", Legacy: true),
    ];

    private readonly List<CompiledPattern> _patterns;

    public DocumentSymbols(IBodyCatalog catalog)
        : this(catalog.Bodies.Select(b => (b.Id, (IEnumerable<SymbolPattern>)b.Rules.Symbols)))
    {
    }

    public DocumentSymbols(IEnumerable<(string Body, IEnumerable<SymbolPattern> Patterns)> bodies)
    {
        _patterns = Shared.Select(p => new CompiledPattern(null, p))
            .Concat(bodies.SelectMany(b => b.Patterns.Select(p => new CompiledPattern(b.Body, p))))
            .ToList();
    }

    [GeneratedRegex(@"\{(ISO3|n|session|k|year)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[A-Za-z0-9./\-]+$")]
    private static partial Regex SymbolCharacters();

    /// <summary>What <paramref name="symbol"/> says, or why it is not a symbol of a known pattern. Never throws.</summary>
    public Result<ParsedSymbol> Parse(string? symbol)
    {
        var text = symbol?.Trim() ?? "";
        if (text.Length == 0 || text.Length > 80 || !SymbolCharacters().IsMatch(text) || !text.Contains('/', StringComparison.Ordinal))
        {
            return NotASymbol(text);
        }

        foreach (var pattern in _patterns)
        {
            var match = pattern.Regex.Match(text);
            if (!match.Success)
            {
                continue;
            }

            string? country = null;
            if (match.Groups["iso3"].Success)
            {
                country = match.Groups["iso3"].Value.ToUpperInvariant();
                if (CountryCodes.Problem(country) is { } problem)
                {
                    return new Error("symbol", $"'{text}' has the shape of {pattern.Describe()}, but {problem}");
                }
            }

            ReportNumber? report = null;
            if (match.Groups["n"].Success)
            {
                if (!ReportNumber.TryParse(match.Groups["n"].Value, out var number))
                {
                    return new Error("symbol", $"'{text}': '{match.Groups["n"].Value}' is not a report number or an ascending range such as 5-6");
                }

                report = number;
            }

            var kind = pattern.Pattern.Kind == DocumentKind.PeriodicReport && report is { From: 1 } ? DocumentKind.InitialReport : pattern.Pattern.Kind;
            return new ParsedSymbol(
                pattern.Canonical(match),
                pattern.Body,
                country,
                kind,
                report,
                Number(match, "session"),
                Number(match, "year"),
                pattern.Pattern.Legacy,
                pattern.Pattern.Pattern,
                pattern.Pattern.Verified);
        }

        // A symbol of a known body that no pattern matches: an older form, which says at least whose it is.
        var prefixed = _patterns
            .Where(p => p.Body is not null && text.StartsWith(p.Prefix, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.Prefix.Length)
            .FirstOrDefault();
        if (prefixed is not null && !HasCountryCode(text))
        {
            return new ParsedSymbol(text.ToUpperInvariant().Replace("/ADD.", "/Add.", StringComparison.Ordinal).Replace("/REV.", "/Rev.", StringComparison.Ordinal),
                prefixed.Body, null, GuessKind(text), null, null, null, Legacy: true, Pattern: null, PatternVerified: false);
        }

        if (prefixed is not null)
        {
            var known = _patterns.Where(p => p.Body == prefixed.Body && !p.Pattern.Legacy).Select(p => p.Pattern.Pattern);
            return new Error("symbol", $"'{text}' starts like a {prefixed.Body} symbol but matches none of its patterns: {string.Join(", ", known)}");
        }

        return NotASymbol(text);
    }

    /// <summary>The symbol of a document, from the first (preferred, non-legacy) pattern of its kind.</summary>
    public Result<string> Generate(string? body, DocumentKind kind, string? country, ReportNumber? report = null, int? session = null, int? number = null, int? year = null)
    {
        var wanted = kind == DocumentKind.InitialReport ? DocumentKind.PeriodicReport : kind;
        var pattern = _patterns.FirstOrDefault(p => (p.Body == body || (p.Body is null && kind == DocumentKind.CommonCoreDocument)) && p.Pattern.Kind == wanted && !p.Pattern.Legacy);
        if (pattern is null)
        {
            var bodies = _patterns.Select(p => p.Body).Where(b => b is not null).Distinct().ToList();
            return body is null || bodies.Contains(body)
                ? new Error("kind", $"{body ?? "no body"} has no symbol pattern for {DocumentKinds.Kebab(kind)}")
                : new Error("body", $"no loaded plugin '{body}'");
        }

        if (kind == DocumentKind.InitialReport)
        {
            report = ReportNumber.Of(1);
        }

        var errors = new ErrorList();
        var result = Placeholder().Replace(pattern.Pattern.Pattern, m => m.Groups[1].Value switch
        {
            "ISO3" when CountryCodes.Problem(country) is { } problem => Missing(errors, "country", problem),
            "ISO3" => country!,
            "n" => report?.ToString() ?? Missing(errors, "report", "is required for " + pattern.Pattern.Pattern),
            "session" => session?.ToString(CultureInfo.InvariantCulture) ?? Missing(errors, "session", "is required for " + pattern.Pattern.Pattern),
            "year" => year?.ToString(CultureInfo.InvariantCulture) ?? Missing(errors, "year", "is required for " + pattern.Pattern.Pattern),
            _ => number?.ToString(CultureInfo.InvariantCulture) ?? Missing(errors, "number", "is required for " + pattern.Pattern.Pattern),
        });
        return errors.HasErrors ? Result<string>.Failure(errors.Errors) : result;
    }

    private static string Missing(ErrorList errors, string field, string message)
    {
        errors.Add(field, message);
        return "";
    }

    private static int? Number(Match match, string group) =>
        match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : null;

    private static bool HasCountryCode(string text) =>
        text.Split('/').Any(segment => segment.Length == 3 && segment.All(char.IsAsciiLetter) && CountryCodes.IsValid(segment.ToUpperInvariant()));

    private static DocumentKind? GuessKind(string text)
    {
        var upper = "/" + text.ToUpperInvariant() + "/";
        return upper.Contains("/CO/", StringComparison.Ordinal) ? DocumentKind.ConcludingObservations
            : upper.Contains("/QPR/", StringComparison.Ordinal) ? DocumentKind.ListOfIssuesPriorToReporting
            : upper.Contains("/Q/", StringComparison.Ordinal) ? DocumentKind.ListOfIssues
            : upper.Contains("/SR.", StringComparison.Ordinal) ? DocumentKind.SummaryRecord
            : null;
    }

    private static Result<ParsedSymbol> NotASymbol(string text) =>
        new Error("symbol", text.Length == 0 ? "is empty: give a UN document symbol such as CEDAW/C/MAR/CO/5-6" : $"'{text}' is not a UN document symbol of any known pattern");

    private sealed class CompiledPattern
    {
        public CompiledPattern(string? body, SymbolPattern pattern)
        {
            Body = body;
            Pattern = pattern;
            var regex = new StringBuilder("^");
            var last = 0;
            var k = 0;
            foreach (Match placeholder in Placeholder().Matches(pattern.Pattern))
            {
                regex.Append(Regex.Escape(pattern.Pattern[last..placeholder.Index]));
                regex.Append(placeholder.Groups[1].Value switch
                {
                    "ISO3" => "(?<iso3>[A-Za-z]{3})",
                    "n" => @"(?<n>\d{1,3}(?:-\d{1,3})?)",
                    "session" => @"(?<session>\d{1,3})",
                    "year" => @"(?<year>(?:19|20)\d{2})",
                    _ => $@"(?<k{k++}>\d{{1,5}})",
                });
                last = placeholder.Index + placeholder.Length;
            }

            regex.Append(Regex.Escape(pattern.Pattern[last..])).Append('$');
            // The patterns come from plugin manifests: matched without backtracking, in time linear in the input (at most
            // 80 characters), so no timeout is needed. A wall-clock timeout would fail a good symbol on a busy machine.
            Regex = new Regex(regex.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
            var first = Placeholder().Match(pattern.Pattern);
            Prefix = first.Success ? pattern.Pattern[..first.Index] : pattern.Pattern;
        }

        public string? Body { get; }
        public SymbolPattern Pattern { get; }
        public Regex Regex { get; }

        /// <summary>The literal start of the pattern, such as <c>CEDAW/C/</c>.</summary>
        public string Prefix { get; }

        public string Describe() => $"{(Body ?? "a shared")} {DocumentKinds.Kebab(Pattern.Kind)} symbol ({Pattern.Pattern})";

        /// <summary>The symbol with the pattern's own spelling and the captured values in upper case.</summary>
        public string Canonical(Match match)
        {
            var k = 0;
            return Placeholder().Replace(Pattern.Pattern, placeholder => placeholder.Groups[1].Value switch
            {
                "ISO3" => match.Groups["iso3"].Value.ToUpperInvariant(),
                "n" => match.Groups["n"].Value,
                "session" => match.Groups["session"].Value,
                "year" => match.Groups["year"].Value,
                _ => match.Groups[$"k{k++}"].Value,
            });
        }
    }
}
