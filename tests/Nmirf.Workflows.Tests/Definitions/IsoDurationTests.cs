using Nmirf.Workflows.Definitions;

namespace Nmirf.Workflows.Tests.Definitions;

public sealed class IsoDurationTests
{
    [Theory]
    [InlineData("P30D", false, 0, 0, 0, 30)]
    [InlineData("P6M", false, 0, 6, 0, 0)]
    [InlineData("P1Y", false, 1, 0, 0, 0)]
    [InlineData("P2W", false, 0, 0, 2, 0)]
    [InlineData("P1Y6M2W3D", false, 1, 6, 2, 3)]
    [InlineData("-P9M", true, 0, 9, 0, 0)]
    [InlineData("P0D", false, 0, 0, 0, 0)]
    [InlineData("-P0D", false, 0, 0, 0, 0)]
    public void TryParse_CalendarDuration_ReadsEveryPart(string text, bool negative, int years, int months, int weeks, int days) =>
        Assert.Equal(new IsoDuration(negative, years, months, weeks, days), IsoDuration.TryParse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("-P")]
    [InlineData("30D")]
    [InlineData("p30d")]
    [InlineData("P30")]
    [InlineData("PT12H")]
    [InlineData("P1DT2H")]
    [InlineData("P6M1Y")]
    [InlineData("+P1D")]
    [InlineData("P-1D")]
    [InlineData("P1.5M")]
    [InlineData(" P1D")]
    [InlineData("P99999999D")]
    public void TryParse_AnythingElse_ReturnsNull(string? text) => Assert.Null(IsoDuration.TryParse(text));

    [Theory]
    [InlineData("P30D", "P30D")]
    [InlineData("-P9M", "-P9M")]
    [InlineData("P1Y6M2W3D", "P1Y6M2W3D")]
    [InlineData("P0M", "P0D")]
    [InlineData("-P0M", "P0D")]
    public void ToString_WritesTheDurationBackInItsShortestForm(string text, string written) =>
        Assert.Equal(written, IsoDuration.TryParse(text)!.ToString());

    [Theory]
    [InlineData("2027-03-31", "-P1M", "2027-02-28")]
    [InlineData("2028-03-31", "-P1M", "2028-02-29")]
    [InlineData("2027-01-31", "P1M", "2027-02-28")]
    [InlineData("2027-08-31", "-P6M", "2027-02-28")]
    [InlineData("2028-02-29", "P1Y", "2029-02-28")]
    [InlineData("2028-02-29", "P1Y1M", "2029-03-29")]
    [InlineData("2027-03-31", "-P1Y1M", "2026-02-28")]
    [InlineData("2027-03-31", "P2W", "2027-04-14")]
    [InlineData("2027-03-31", "-P1M1D", "2027-02-27")]
    [InlineData("2027-12-31", "P1D", "2028-01-01")]
    [InlineData("2027-03-31", "P0D", "2027-03-31")]
    public void AddTo_CalendarUnits_CountsMonthsAsCommitteesDo(string start, string duration, string expected)
    {
        var from = new DateTimeOffset(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        var result = IsoDuration.TryParse(duration)!.AddTo(from);

        Assert.Equal(expected, result.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void AddTo_KeepsTheTimeAndOffset()
    {
        var start = new DateTimeOffset(2027, 3, 31, 14, 30, 0, TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(2027, 2, 28, 14, 30, 0, TimeSpan.FromHours(1)), IsoDuration.TryParse("-P1M")!.AddTo(start));
    }

    [Fact]
    public void RelativeDate_Resolve_CountsFromTheCycleDueDateOrTheStepStart()
    {
        var stepStart = new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
        var sixMonthsBefore = new RelativeDate(DateAnchor.CycleDueDate, IsoDuration.TryParse("-P6M")!);
        var thirtyDaysAfter = new RelativeDate(DateAnchor.StepStart, IsoDuration.TryParse("P30D")!);

        Assert.Equal(new DateTimeOffset(2027, 2, 28, 0, 0, 0, TimeSpan.Zero), sixMonthsBefore.Resolve(new DateOnly(2027, 8, 31), stepStart));
        Assert.Equal(stepStart.AddMonths(-6), sixMonthsBefore.Resolve(null, stepStart));
        Assert.Equal(new DateTimeOffset(2026, 6, 3, 9, 0, 0, TimeSpan.Zero), thirtyDaysAfter.Resolve(new DateOnly(2027, 8, 31), stepStart));
    }
}
