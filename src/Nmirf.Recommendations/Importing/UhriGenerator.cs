using System.Globalization;
using System.Text.Json;
using Bogus;
using Nmirf.BuildingBlocks.Countries;

namespace Nmirf.Recommendations.Importing;

/// <summary>
/// Writes UHRI-shaped JSON exports of any size with a fixed seed, for tests and the import benchmark: treaty-body
/// recommendations and observations mixed with UPR recommendations, with the field lengths, tag counts and quirks
/// (HTML, paragraph numbers inside the text) of the real export. The same seed and count give the same bytes.
/// </summary>
public static class UhriGenerator
{
    /// <summary>The seed used when none is given.</summary>
    public const int DefaultSeed = 20_260_611;

    private static readonly (string Body, string SymbolPattern)[] TreatyBodies =
    [
        ("CRC", "CRC/C/{0}/CO/{1}"), ("CESCR", "E/C.12/{0}/CO/{1}"), ("CCPR", "CCPR/C/{0}/CO/{1}"), ("CERD", "CERD/C/{0}/CO/{1}"),
        ("CEDAW", "CEDAW/C/{0}/CO/{1}"), ("CAT", "CAT/C/{0}/CO/{1}"), ("CRPD", "CRPD/C/{0}/CO/{1}"), ("CMW", "CMW/C/{0}/CO/{1}"),
        ("CED", "CED/C/{0}/CO/{1}"),
    ];

    private static readonly string[] Themes =
    [
        "A12 Acceptance of international norms", "A41 Constitutional and legislative framework", "A42 Institutions & policies - General",
        "A45 National Human Rights Institution (NHRI)", "B31 Equality & non-discrimination", "B51 Right to an effective remedy",
        "D21 Right to life", "D25 Prohibition of torture and cruel, inhuman or degrading treatment", "D32 Liberty and security - general",
        "D43 Freedom of opinion and expression", "E21 Right to work", "E41 Right to health - General", "E51 Right to education - General",
        "F12 Discrimination against women", "F31 Children: definition; general principles; protection", "G1 Members of minorities",
        "H1 Human rights defenders", "S16 SDG 16 - peace, justice and strong institutions",
    ];

    private static readonly string[] AffectedPersons =
    [
        "general", "women", "children", "girls", "persons with disabilities", "migrants", "refugees & asylum seekers",
        "indigenous peoples", "minorities", "persons deprived of their liberty", "human rights defenders", "older persons",
    ];

    private static readonly string[] Sdgs =
    [
        "1 - No poverty", "3 - Good health and well-being", "4 - Quality education", "5 - Gender equality", "10 - Reduced inequalities",
        "16 - Peace, justice and strong institutions", "16.2 - End abuse, exploitation, trafficking and all forms of violence against and torture of children",
        "16.3 - Promote the rule of law at the national and international levels and ensure equal access to justice for all",
        "5.1 - End all forms of discrimination against all women and girls everywhere", "4.1 - Ensure that all girls and boys complete free, equitable and quality primary and secondary education",
        "10.3 - Ensure equal opportunity and reduce inequalities of outcome",
    ];

    /// <summary>About two thirds of UPR recommendations are supported.</summary>
    private static readonly string[] Positions = ["Supported", "Supported", "Noted"];

    private static readonly string[] Regions = ["Africa", "Americas", "Asia", "Europe", "Oceania", "Western Europe and Others"];

    private static readonly string[] RecommendationLeads =
    [
        "The Committee recommends that the State party", "The Committee urges the State party to", "The Committee encourages the State party to",
    ];

    private static readonly string[] ObservationLeads =
    [
        "The Committee is concerned that", "The Committee notes with concern", "While noting the adoption of the law, the Committee regrets that",
    ];

    /// <summary>
    /// Writes a JSON array of <paramref name="count"/> records to <paramref name="destination"/>, flushing as it goes so
    /// that memory stays flat; all about <paramref name="country"/> when given, else spread over every country.
    /// </summary>
    public static async Task WriteAsync(Stream destination, int count, int seed = DefaultSeed, string? country = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var faker = new Faker("en") { Random = new Randomizer(seed) };
        var countries = CountryCodes.All.Where(c => country is null || c.Key == country).OrderBy(c => c.Key, StringComparer.Ordinal).ToArray();
        var writer = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = false });
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartArray();
            for (var i = 0; i < count; i++)
            {
                WriteRecord(writer, faker, countries);
                if (writer.BytesPending > 64 * 1024)
                {
                    await writer.FlushAsync(ct).ConfigureAwait(false);
                }
            }

            writer.WriteEndArray();
            await writer.FlushAsync(ct).ConfigureAwait(false);
        }
    }

    private static void WriteRecord(Utf8JsonWriter writer, Faker faker, KeyValuePair<string, string>[] countries)
    {
        var random = faker.Random;
        var country = random.ArrayElement(countries);
        var upr = random.Bool(0.55f);
        var published = new DateOnly(2008, 1, 1).AddDays(random.Int(0, 6400));

        writer.WriteStartObject();
        writer.WriteString("AnnotationId", random.Guid().ToString());
        string text;
        if (upr)
        {
            var session = random.Int(1, 47);
            var paragraph = $"{random.Int(90, 160)}.{random.Int(1, 320)}";
            var recommending = random.ArrayElement(countries);
            text = $"{paragraph} {Capitalize(faker.Lorem.Sentence(random.Int(8, 40)))}";
            writer.WriteString("AnnotationType", "Recommendations");
            writer.WriteString("Body", "UPR");
            writer.WriteString("Symbol", $"A/HRC/{random.Int(8, 58)}/{random.Int(1, 20)}");
            writer.WriteString("DocumentId", random.Int(100_000, 999_999).ToString(CultureInfo.InvariantCulture));
            writer.WriteString("Text", text);
            writer.WriteString("PublicationDate", Timestamp(published));
            writer.WriteNumber("UprCycle", SourceValues.CycleOfSession(session));
            WriteList(writer, "UprSession", [session.ToString(CultureInfo.InvariantCulture)]);
            WriteList(writer, "UprPositions", [random.ArrayElement(Positions)]);
            WriteList(writer, "UprRecommendingCountry", [recommending.Value]);
            WriteList(writer, "UprRecommendingRegions", [random.ArrayElement(Regions)]);
        }
        else
        {
            var (body, pattern) = random.ArrayElement(TreatyBodies);
            var report = random.Int(1, 8);
            var number = random.Int(5, 70);
            var observation = random.Bool(0.35f);
            var lead = random.ArrayElement(observation ? ObservationLeads : RecommendationLeads);
            var paragraph = $"{lead} {faker.Lorem.Sentence(random.Int(15, 60))} {faker.Lorem.Paragraph(random.Int(1, 6))}";
            text = random.Bool(0.15f) ? $"<p>{number}. {paragraph}</p>" : $"{number}. {paragraph}";
            writer.WriteString("AnnotationType", observation ? "Concerns/Observations" : "Recommendations");
            writer.WriteString("Body", body);
            writer.WriteString("Symbol", string.Format(CultureInfo.InvariantCulture, pattern, country.Key, report));
            writer.WriteString("DocumentId", random.Int(100_000, 999_999).ToString(CultureInfo.InvariantCulture));
            writer.WriteString("Text", text);
            writer.WriteString("PublicationDate", Timestamp(published));
            writer.WriteNull("UprCycle");
            WriteList(writer, "UprSession", []);
            WriteList(writer, "UprPositions", []);
            WriteList(writer, "UprRecommendingCountry", []);
            WriteList(writer, "UprRecommendingRegions", []);
        }

        writer.WriteString("PublicationDateOnUhri", Timestamp(published.AddDays(random.Int(10, 400))));
        WriteList(writer, "Countries", [country.Value]);
        WriteList(writer, "Regions", [random.ArrayElement(Regions)]);
        WriteList(writer, "Themes", random.ArrayElements(Themes, random.Int(1, 5)));
        WriteList(writer, "AffectedPersons", random.ArrayElements(AffectedPersons, random.Int(0, 3)));
        WriteList(writer, "Sdgs", random.ArrayElements(Sdgs, random.Int(0, 4)));
        writer.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    /// <summary>A date as the export writes it, with a midnight time.</summary>
    private static string Timestamp(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00";

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
