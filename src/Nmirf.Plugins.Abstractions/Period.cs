using System.Globalization;
using System.Text.RegularExpressions;

namespace Nmirf.Plugins.Abstractions;

/// <summary>An ISO 8601 period of whole years, months and days (<c>P1Y</c>, <c>P2Y6M</c>, <c>P30D</c>), added to calendar dates.</summary>
/// <param name="Years">Whole years.</param>
/// <param name="Months">Whole months.</param>
/// <param name="Days">Whole days.</param>
public readonly partial record struct Period(int Years, int Months, int Days)
{
    [GeneratedRegex(@"^P(?:(?<y>\d{1,3})Y)?(?:(?<m>\d{1,3})M)?(?:(?<d>\d{1,4})D)?$")]
    private static partial Regex Pattern();

    /// <summary>Reads a period such as <c>P1Y6M</c>; throws <see cref="FormatException"/> when it is not one.</summary>
    public static Period Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not an ISO 8601 period such as P1Y, P3M or P30D.");

    /// <summary>Reads a period such as <c>P1Y6M</c>; false when <paramref name="text"/> is not one (or is <c>P</c> alone).</summary>
    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        var match = text is null ? null : Pattern().Match(text);
        if (match is null || !match.Success || text!.Length < 3)
        {
            return false;
        }

        static int Read(Group group) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : 0;
        period = new Period(Read(match.Groups["y"]), Read(match.Groups["m"]), Read(match.Groups["d"]));
        return true;
    }

    /// <summary>This period <paramref name="times"/> times over, such as the fourth report of a four-yearly series.</summary>
    public Period Times(int times) => new(Years * times, Months * times, Days * times);

    /// <summary>Half this period, in whole months and days: the midpoint of a cycle.</summary>
    public Period Half() => new(0, ((Years * 12) + Months) / 2, Days / 2);

    /// <summary>The date <paramref name="date"/> plus this period (years, then months, then days).</summary>
    public DateOnly AddTo(DateOnly date) => date.AddYears(Years).AddMonths(Months).AddDays(Days);

    /// <summary>The period in ISO 8601 form.</summary>
    public override string ToString() =>
        "P" + (Years > 0 ? $"{Years}Y" : "") + (Months > 0 ? $"{Months}M" : "") + (Days > 0 || (Years == 0 && Months == 0) ? $"{Days}D" : "");

    /// <summary>The period in words, such as <c>1 year 6 months</c>.</summary>
    public string Describe()
    {
        static string Part(int n, string unit) => n == 0 ? "" : $"{n} {unit}{(n == 1 ? "" : "s")}";
        var parts = new[] { Part(Years, "year"), Part(Months, "month"), Part(Days, "day") }.Where(p => p.Length > 0);
        var text = string.Join(" ", parts);
        return text.Length == 0 ? "0 days" : text;
    }
}
