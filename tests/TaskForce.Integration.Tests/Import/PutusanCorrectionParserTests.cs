using NodaTime;
using TaskForce.Application.Import;
using TaskForce.Domain.Common;
using static TaskForce.Integration.Tests.Import.VerdictCorrectionLines;

namespace TaskForce.Integration.Tests.Import;

/// <summary>The correction fields of a putusan line (<c>corrects</c>, <c>correction_reason</c>; ADR-015), parsed
/// without storage.</summary>
public sealed class PutusanCorrectionParserTests
{
    private static readonly LocalDate Today = new(2026, 11, 29);
    private const string Number = "27/Pid.Sus/2019/PN Kpg";

    [Fact]
    public void ParseLine_IsNotACorrection_GivenAnOrdinaryLine()
    {
        var parsed = PutusanRecordParser.ParseLine(Line(Number), null, Today);

        Assert.False(parsed.IsCorrection);
        Assert.Null(parsed.CorrectionReason);
        Assert.Equal(Number, parsed.Verdict.CaseNumber);
    }

    [Fact]
    public void ParseLine_ReturnsTheTrimmedReasonAndTheCorrectedFacts_GivenACorrectionLine()
    {
        string line = Correction(Line(Number), "  Sentence misread from the PDF: 6 years, not 5.  ", ("sentence_prison_months", 72));

        var parsed = PutusanRecordParser.ParseLine(line, null, Today);

        Assert.True(parsed.IsCorrection);
        Assert.Equal("Sentence misread from the PDF: 6 years, not 5.", parsed.CorrectionReason);
        Assert.Equal(72, parsed.Verdict.Facts.SentencePrisonMonths);
    }

    [Fact]
    public void ParseLine_AcceptsAnotherSpellingOfTheSameNumber_GivenCorrectsInOtherLetterCaseAndSpacing()
    {
        string line = With(Line(Number), ("corrects", "27 / PID.SUS / 2019 / pn  kpg"), ("correction_reason", "typo"));

        Assert.True(PutusanRecordParser.ParseLine(line, null, Today).IsCorrection);
    }

    [Theory]
    [InlineData("correction_reason", "\"corrects\": \"27/Pid.Sus/2019/PN Kpg\"")] // reason missing
    [InlineData("correction_reason", "\"correction_reason\": \"a reason without corrects\"")]
    [InlineData("correction_reason", "\"corrects\": \"27/Pid.Sus/2019/PN Kpg\", \"correction_reason\": \"   \"")]
    [InlineData("correction_reason", "\"corrects\": \"27/Pid.Sus/2019/PN Kpg\", \"correction_reason\": \"line one\\nline two\"")]
    [InlineData("correction_reason", "\"corrects\": \"27/Pid.Sus/2019/PN Kpg\", \"correction_reason\": \"tab\\there\"")]
    [InlineData("correction_reason", "\"corrects\": \"27/Pid.Sus/2019/PN Kpg\", \"correction_reason\": \"c1 \\u0085 control\"")]
    [InlineData("correction_reason", "\"corrects\": \"27/Pid.Sus/2019/PN Kpg\", \"correction_reason\": 5")]
    [InlineData("corrects", "\"corrects\": \"28/Pid.Sus/2019/PN Kpg\", \"correction_reason\": \"other case\"")]
    [InlineData("corrects", "\"corrects\": true, \"correction_reason\": \"boolean\"")]
    public void ParseLine_ThrowsNamingTheField_GivenBadCorrectionFields(string field, string fields)
    {
        string line = Line(Number).TrimEnd().TrimEnd('}') + ", " + fields + "}";

        var ex = Assert.Throws<DomainValidationException>(() => PutusanRecordParser.ParseLine(line, null, Today));

        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public void ParseLine_AcceptsExactly500Characters_AndRejects501()
    {
        string ok = Correction(Line(Number), new string('x', PutusanLine.ReasonMaxLength));
        string tooLong = Correction(Line(Number), new string('x', PutusanLine.ReasonMaxLength + 1));

        Assert.Equal(500, PutusanRecordParser.ParseLine(ok, null, Today).CorrectionReason!.Length);
        var ex = Assert.Throws<DomainValidationException>(() => PutusanRecordParser.ParseLine(tooLong, null, Today));
        Assert.Equal("correction_reason", ex.Field);
        Assert.Contains("not 501", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseLine_StillValidatesTheFacts_GivenACorrectionWithAFutureDecisionDate()
    {
        string line = Correction(Line(Number), "year", ("decision_date", "2026-11-30"));

        var ex = Assert.Throws<DomainValidationException>(() => PutusanRecordParser.ParseLine(line, null, Today));

        Assert.Equal("decision_date", ex.Field);
    }
}
