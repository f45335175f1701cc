using System.Globalization;
using Scriban.Runtime;

namespace Nmirf.Drafting.Templates;

/// <summary>
/// The functions templates get beyond Scriban's built-ins, in the draft's language: ordinal words for titles, long
/// dates, and the labels of implementation statuses and UPR responses.
/// </summary>
internal static class TemplateFunctions
{
    public static readonly IReadOnlyList<string> Languages = ["en", "fr", "es", "pt"];

    private static readonly Dictionary<string, string[]> Ordinals = new()
    {
        ["en"] = ["initial", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second", "twenty-third", "twenty-fourth", "twenty-fifth"],
        ["fr"] = ["initial", "deuxième", "troisième", "quatrième", "cinquième", "sixième", "septième", "huitième", "neuvième", "dixième", "onzième", "douzième", "treizième", "quatorzième", "quinzième", "seizième", "dix-septième", "dix-huitième", "dix-neuvième", "vingtième", "vingt et unième", "vingt-deuxième", "vingt-troisième", "vingt-quatrième", "vingt-cinquième"],
        ["es"] = ["inicial", "segundo", "tercer", "cuarto", "quinto", "sexto", "séptimo", "octavo", "noveno", "décimo", "undécimo", "duodécimo", "decimotercer", "decimocuarto", "decimoquinto", "decimosexto", "decimoséptimo", "decimoctavo", "decimonoveno", "vigésimo", "vigésimo primer", "vigésimo segundo", "vigésimo tercer", "vigésimo cuarto", "vigésimo quinto"],
        ["pt"] = ["inicial", "segundo", "terceiro", "quarto", "quinto", "sexto", "sétimo", "oitavo", "nono", "décimo", "décimo primeiro", "décimo segundo", "décimo terceiro", "décimo quarto", "décimo quinto", "décimo sexto", "décimo sétimo", "décimo oitavo", "décimo nono", "vigésimo", "vigésimo primeiro", "vigésimo segundo", "vigésimo terceiro", "vigésimo quarto", "vigésimo quinto"],
    };

    private static readonly Dictionary<string, Dictionary<string, string>> Labels = new()
    {
        ["en"] = new()
        {
            ["not-started"] = "Not started", ["in-progress"] = "In progress", ["partially-implemented"] = "Partially implemented", ["implemented"] = "Implemented",
            ["not-implemented"] = "Not implemented", ["no-longer-applicable"] = "No longer applicable",
            ["supported"] = "Supported", ["supported-in-part"] = "Supported in part", ["noted"] = "Noted", ["pending"] = "Pending",
        },
        ["fr"] = new()
        {
            ["not-started"] = "Non commencée", ["in-progress"] = "En cours", ["partially-implemented"] = "Partiellement mise en œuvre", ["implemented"] = "Mise en œuvre",
            ["not-implemented"] = "Non mise en œuvre", ["no-longer-applicable"] = "Sans objet",
            ["supported"] = "Acceptée", ["supported-in-part"] = "Acceptée en partie", ["noted"] = "Notée", ["pending"] = "En attente",
        },
        ["es"] = new()
        {
            ["not-started"] = "No iniciada", ["in-progress"] = "En curso", ["partially-implemented"] = "Parcialmente aplicada", ["implemented"] = "Aplicada",
            ["not-implemented"] = "No aplicada", ["no-longer-applicable"] = "Ya no procede",
            ["supported"] = "Aceptada", ["supported-in-part"] = "Aceptada en parte", ["noted"] = "Tomada en cuenta", ["pending"] = "Pendiente",
        },
        ["pt"] = new()
        {
            ["not-started"] = "Não iniciada", ["in-progress"] = "Em curso", ["partially-implemented"] = "Parcialmente implementada", ["implemented"] = "Implementada",
            ["not-implemented"] = "Não implementada", ["no-longer-applicable"] = "Já não aplicável",
            ["supported"] = "Aceite", ["supported-in-part"] = "Aceite em parte", ["noted"] = "Registada", ["pending"] = "Pendente",
        },
    };

    private static readonly Dictionary<string, string> LongDates = new()
    {
        ["en"] = "d MMMM yyyy",
        ["fr"] = "d MMMM yyyy",
        ["es"] = "d 'de' MMMM 'de' yyyy",
        ["pt"] = "d 'de' MMMM 'de' yyyy",
    };

    public static void Import(ScriptObject globals, string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var ordinals = Ordinals.GetValueOrDefault(language, Ordinals["en"]);
        var labels = Labels.GetValueOrDefault(language, Labels["en"]);
        var longDate = LongDates.GetValueOrDefault(language, LongDates["en"]);

        // ordinal 7 → "seventh" (fr "septième"): the words of UN report titles; past 25, digits.
        globals.Import("ordinal", new Func<object?, string>(n =>
            ToNumber(n) is int i && i >= 1 && i <= ordinals.Length ? ordinals[i - 1] : Convert.ToString(n, CultureInfo.InvariantCulture) ?? ""));

        // long_date d → "2 December 2026" (fr "2 décembre 2026", es "2 de diciembre de 2026").
        globals.Import("long_date", new Func<object?, string>(d => d is DateTime date ? date.ToString(longDate, culture) : ""));

        // label "in-progress" → "In progress" (fr "En cours"): statuses and UPR responses.
        globals.Import("label", new Func<object?, string>(key => key is string k ? labels.GetValueOrDefault(k, k) : ""));
    }

    private static int? ToNumber(object? value) => value switch
    {
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        string s when int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var i) => i,
        _ => null,
    };
}
