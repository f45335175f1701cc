using System.Globalization;

namespace Nmirf.Drafting.Rendering;

/// <summary>
/// The few fixed words of a UN cover in the draft's language (distribution, original language, the date) and the
/// language tag the outputs declare. A language without its own wording falls back to English words, but keeps its
/// own tag so that spell checkers and screen readers still know the text's language.
/// </summary>
internal sealed record CoverWording(string Distribution, string Original, string LanguageTag, string DateFormat, CultureInfo Culture)
{
    private static readonly CoverWording English = new("Distr.: General", "Original: English", "en-GB", "d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private static readonly Dictionary<string, CoverWording> ByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = English,
        // French UN documents put a space before the colon and write the first of the month "1er".
        ["fr"] = new("Distr. générale", "Original : français", "fr-FR", "d MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR")),
        ["es"] = new("Distr. general", "Original: español", "es-ES", "d 'de' MMMM 'de' yyyy", CultureInfo.GetCultureInfo("es-ES")),
        ["pt"] = new("Distr. geral", "Original: português", "pt-PT", "d 'de' MMMM 'de' yyyy", CultureInfo.GetCultureInfo("pt-PT")),
    };

    public static CoverWording For(string? language)
    {
        if (language is not null && ByLanguage.TryGetValue(language, out var wording))
        {
            return wording;
        }

        return IsLanguageTag(language) ? English with { LanguageTag = language! } : English;
    }

    public string FormatDate(DateOnly date)
    {
        var text = date.ToString(DateFormat, Culture);
        return date.Day == 1 && Culture.TwoLetterISOLanguageName == "fr" ? string.Concat("1er", text.AsSpan(1)) : text;
    }

    /// <summary>A BCP 47-looking tag (letters, digits and hyphens, starting with 2-3 letters): safe to write into an attribute as it is.</summary>
    private static bool IsLanguageTag(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 35)
        {
            return false;
        }

        var letters = 0;
        while (letters < value.Length && char.IsAsciiLetter(value[letters]))
        {
            letters++;
        }

        if (letters is < 2 or > 3)
        {
            return false;
        }

        foreach (var c in value.AsSpan(letters))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        return !value.EndsWith('-');
    }
}
