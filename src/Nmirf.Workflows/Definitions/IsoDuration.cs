using System.Globalization;
using System.Text.RegularExpressions;

namespace Nmirf.Workflows.Definitions;

/// <summary>
/// An ISO 8601 duration in calendar units (<c>P9M</c>, <c>P30D</c>, <c>P1Y6M</c>, <c>P2W</c>), optionally negative
/// (<c>-P9M</c>: nine months before). Months and years are added as calendar months, as committees count them.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(IsoDurationJsonConverter))]
public sealed partial record IsoDuration(bool Negative, int Years, int Months, int Weeks, int Days)
{
    [GeneratedRegex(@"^(?<sign>-)?P(?:(?<y>\d{1,3})Y)?(?:(?<m>\d{1,4})M)?(?:(?<w>\d{1,4})W)?(?:(?<d>\d{1,5})D)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>Reads <paramref name="text"/>, or returns null when it is not a duration of that form.</summary>
    public static IsoDuration? TryParse(string? text)
    {
        if (text is null || text is "P" or "-P")
        {
            return null;
        }

        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        static int Part(Match m, string name) => m.Groups[name].Success ? int.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        var (years, months, weeks, days) = (Part(match, "y"), Part(match, "m"), Part(match, "w"), Part(match, "d"));

        // -P0D is zero, not a negative duration: a delay of -P0D is no delay, and equals P0D.
        var negative = match.Groups["sign"].Success && years + months + weeks + days > 0;
        return new IsoDuration(negative, years, months, weeks, days);
    }

    public DateTimeOffset AddTo(DateTimeOffset start)
    {
        var sign = Negative ? -1 : 1;

        // Years and months move together so that a month end is clamped once: 2028-02-29 + P1Y1M is 2029-03-29,
        // where a year then a month would give 2029-03-28.
        return start.AddMonths(sign * ((Years * 12) + Months)).AddDays(sign * ((Weeks * 7) + Days));
    }

    public override string ToString()
    {
        var text = (Negative ? "-P" : "P")
            + (Years > 0 ? $"{Years}Y" : "")
            + (Months > 0 ? $"{Months}M" : "")
            + (Weeks > 0 ? $"{Weeks}W" : "")
            + (Days > 0 ? $"{Days}D" : "");
        return text is "P" or "-P" ? "P0D" : text;
    }
}

/// <summary>Writes a duration as administrators write it (<c>-P6M</c>), and reads it back the same way.</summary>
public sealed class IsoDurationJsonConverter : System.Text.Json.Serialization.JsonConverter<IsoDuration>
{
    public override IsoDuration? Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        IsoDuration.TryParse(reader.GetString()) ?? throw new System.Text.Json.JsonException($"'{reader.GetString()}' is not an ISO 8601 duration");

    public override void Write(System.Text.Json.Utf8JsonWriter writer, IsoDuration value, System.Text.Json.JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.ToString());
    }
}
