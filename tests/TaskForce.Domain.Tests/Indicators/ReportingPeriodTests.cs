using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;

namespace TaskForce.Domain.Tests.Indicators;

public sealed class ReportingPeriodTests
{
    [Theory]
    [InlineData("2025", "2025-01-01", "2025-12-31", 365)]
    [InlineData("2024", "2024-01-01", "2024-12-31", 366)]
    [InlineData("2025-Q1", "2025-01-01", "2025-03-31", 90)]
    [InlineData("2024-Q1", "2024-01-01", "2024-03-31", 91)]
    [InlineData("2025-Q4", "2025-10-01", "2025-12-31", 92)]
    [InlineData("2024-S2", "2024-07-01", "2024-12-31", 184)]
    [InlineData("2025-S1", "2025-01-01", "2025-06-30", 181)]
    [InlineData("2024-02", "2024-02-01", "2024-02-29", 29)]
    [InlineData("2025-02", "2025-02-01", "2025-02-28", 28)]
    [InlineData("2025-12", "2025-12-01", "2025-12-31", 31)]
    public void Parse_ReturnsClosedDateRange_GivenLabel(string label, string start, string end, int days)
    {
        var period = ReportingPeriod.Parse(label);

        Assert.Equal(label, period.Label);
        Assert.Equal(LocalDate.FromDateTime(DateTime.Parse(start, System.Globalization.CultureInfo.InvariantCulture)), period.Start);
        Assert.Equal(LocalDate.FromDateTime(DateTime.Parse(end, System.Globalization.CultureInfo.InvariantCulture)), period.End);
        Assert.Equal(days, period.DayCount);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("25")]
    [InlineData("2025-Q0")]
    [InlineData("2025-Q5")]
    [InlineData("2025-S3")]
    [InlineData("2025-13")]
    [InlineData("2025-00")]
    [InlineData("2025-1")]
    [InlineData("1899")]
    [InlineData("2025 ' or 1 eq 1")]
    public void Parse_ThrowsNamingPeriod_GivenMalformedLabel(string? label)
    {
        var ex = Assert.Throws<DomainValidationException>(() => ReportingPeriod.Parse(label));
        Assert.Equal("period", ex.Field);
    }

    [Theory]
    [InlineData("1899", 1899)]
    [InlineData("9999", 9999)]
    [InlineData("9999-Q4", 9999)]
    [InlineData("9999-12", 9999)]
    public void Parse_ThrowsNamingTheValidRange_GivenAYearOutsideIt(string label, int year)
    {
        var ex = Assert.Throws<DomainValidationException>(() => ReportingPeriod.Parse(label));

        Assert.Equal("period", ex.Field);
        Assert.StartsWith($"The year {year} is out of range: a period's year lies in [1900, 9998].", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReturnsTheLastQuarter_GivenTheLatestYear()
    {
        var p = ReportingPeriod.Parse("9998-Q4");

        Assert.Equal(new LocalDate(9998, 10, 1), p.Start);
        Assert.Equal(new LocalDate(9998, 12, 31), p.End);
    }

    [Fact]
    public void Contains_PutsAnInstantInTheQuarterOfItsWitaDate_GivenTheLastEveningOfMarch()
    {
        var q1 = ReportingPeriod.Parse("2025-Q1");
        var zone = DistrictTime.DefaultZone;

        // 31 March 2025 23:30 WITA = 15:30Z: still Q1. 1 April 00:30 WITA = 31 March 16:30Z: Q2.
        Assert.True(q1.Contains(Instant.FromUtc(2025, 3, 31, 15, 30), zone));
        Assert.False(q1.Contains(Instant.FromUtc(2025, 3, 31, 16, 30), zone));
        Assert.True(ReportingPeriod.Parse("2025-Q2").Contains(Instant.FromUtc(2025, 3, 31, 16, 30), zone));
        // 1 January 2025 00:00 WITA = 31 December 2024 16:00Z belongs to 2025.
        Assert.True(ReportingPeriod.Parse("2025").Contains(Instant.FromUtc(2024, 12, 31, 16, 0), zone));
        Assert.False(ReportingPeriod.Parse("2025").Contains(Instant.FromUtc(2024, 12, 31, 15, 59), zone));
    }

    [Theory]
    [InlineData(PeriodKind.Year, "2026-01-01", "2025")]
    [InlineData(PeriodKind.Quarter, "2026-01-01", "2025-Q4")]
    [InlineData(PeriodKind.Quarter, "2025-07-15", "2025-Q2")]
    [InlineData(PeriodKind.Semester, "2025-07-01", "2025-S1")]
    [InlineData(PeriodKind.Month, "2025-03-01", "2025-02")]
    [InlineData(PeriodKind.Month, "2025-01-31", "2024-12")]
    public void Previous_ReturnsThePeriodBefore_GivenTheContainingPeriod(PeriodKind kind, string date, string expected)
    {
        var d = LocalDate.FromDateTime(DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, ReportingPeriod.Containing(kind, d).Previous().Label);
    }
}
