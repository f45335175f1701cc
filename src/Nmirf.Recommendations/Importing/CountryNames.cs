using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Nmirf.BuildingBlocks.Countries;

namespace Nmirf.Recommendations.Importing;

/// <summary>
/// Maps the country names of UN sources to ISO 3166-1 alpha-3 codes. The ISO short names put the qualifier after a
/// comma ("Korea, Republic of") where UN documents put it first ("Republic of Korea"), so both orders are looked up;
/// a few names that sources still use and ISO no longer does are added by hand.
/// </summary>
internal static class CountryNames
{
    private static readonly FrozenDictionary<string, string> Codes = Build();

    /// <summary>The alpha-3 code when the value is one or names one, else the value trimmed, as given.</summary>
    public static string Normalize(string value)
    {
        var trimmed = SourceValues.CollapseWhitespace(value);
        if (trimmed.Length == 3 && CountryCodes.IsValid(trimmed.ToUpperInvariant()) && trimmed.All(char.IsAsciiLetter))
        {
            return trimmed.ToUpperInvariant();
        }

        return Codes.TryGetValue(Key(trimmed), out var code) ? code : trimmed;
    }

    /// <summary>The code a name maps to, or null.</summary>
    public static string? CodeOf(string name) => Codes.GetValueOrDefault(Key(name));

    private static FrozenDictionary<string, string> Build()
    {
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, name) in CountryCodes.All)
        {
            codes[Key(name)] = code;
        }

        // The ISO names win; a derived form that two countries share ("Congo") is left out.
        var exact = codes.Keys.ToHashSet(StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        void Add(string name, string code)
        {
            var key = Key(name);
            if (key.Length == 0 || exact.Contains(key) || ambiguous.Contains(key))
            {
                return;
            }

            if (codes.TryGetValue(key, out var existing) && existing != code)
            {
                codes.Remove(key);
                ambiguous.Add(key);
                return;
            }

            codes[key] = code;
        }

        foreach (var (code, name) in CountryCodes.All)
        {
            // "Korea, Republic of" -> "Republic of Korea"; "Netherlands, Kingdom of the" -> "Kingdom of the Netherlands".
            var comma = name.IndexOf(", ", StringComparison.Ordinal);
            if (comma > 0)
            {
                Add($"{name[(comma + 2)..]} {name[..comma]}", code);
                Add(name[..comma], code);
            }

            // "Bolivia (Plurinational State of)" -> "Plurinational State of Bolivia" and "Bolivia".
            var bracket = name.IndexOf(" (", StringComparison.Ordinal);
            if (bracket > 0 && name.EndsWith(')'))
            {
                Add($"{name[(bracket + 2)..^1]} {name[..bracket]}", code);
                Add(name[..bracket], code);
            }
        }

        // Names still found in older documents and in UPR Info.
        (string Name, string Code)[] former =
        [
            ("Turkey", "TUR"), ("Czech Republic", "CZE"), ("Swaziland", "SWZ"), ("Cape Verde", "CPV"),
            ("The former Yugoslav Republic of Macedonia", "MKD"), ("Ivory Coast", "CIV"), ("Vietnam", "VNM"),
            ("United Kingdom", "GBR"), ("United States", "USA"), ("Russia", "RUS"), ("Syria", "SYR"), ("Laos", "LAO"),
            ("South Korea", "KOR"), ("North Korea", "PRK"), ("Democratic Republic of Congo", "COD"), ("DR Congo", "COD"),
            ("Republic of the Congo", "COG"), ("Brunei", "BRN"), ("Macedonia", "MKD"), ("East Timor", "TLS"),
            ("Burma", "MMR"), ("Moldova", "MDA"), ("Tanzania", "TZA"), ("Iran", "IRN"), ("Venezuela", "VEN"),
            ("Bolivia", "BOL"), ("Micronesia", "FSM"), ("Palestine", "PSE"), ("Vatican", "VAT"),
        ];
        foreach (var (name, code) in former)
        {
            if (CountryCodes.IsValid(code))
            {
                codes.TryAdd(Key(name), code);
            }
        }

        return codes.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>A name as it is matched: lower case, without accents, punctuation or a leading "the".</summary>
    private static string Key(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        var key = SourceValues.CollapseWhitespace(builder.ToString());
        return key.StartsWith("the ", StringComparison.Ordinal) ? key[4..] : key;
    }
}
