using System.Globalization;
using NodaTime;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.Detention;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Legal;
using TaskForce.Domain.Workflows;
using static TaskForce.Domain.Tests.Legal.SentenceCheckerRangeTests;
using static TaskForce.Domain.Tests.Workflows.WorkflowFixture;

namespace TaskForce.Domain.Tests.Repository;

/// <summary>
/// The domain's messages follow the reader's language (issue 15 item 2, ADR-025): with the UI culture set to
/// Bahasa Indonesia (<c>id</c>) a case validation, a workflow refusal, a legal note and a detention problem read in
/// Indonesian, with the codes, field names, numbers and dates unchanged; in English they read exactly as before.
/// </summary>
public sealed class DomainTextsTests
{
    [Fact]
    public void CaseIdParse_ThrowsInEachLanguage_GivenAnEmptyAndAMalformedId()
    {
        var empty = InBoth(() => Assert.Throws<DomainValidationException>(() => CaseId.Parse("", "case_id")).Message);
        var bad = InBoth(() => Assert.Throws<DomainValidationException>(() => CaseId.Parse("kasus 1!", "case_id")).Message);

        Assert.Equal("ID kasus wajib diisi.", empty.Id);
        Assert.Equal("A case id is required.", empty.En);
        Assert.Equal("ID kasus terdiri atas 1 sampai 64 karakter dari A-Z, a-z, 0-9, '_' dan '-'.", bad.Id);
        Assert.Equal("A case id has 1 to 64 characters from A-Z, a-z, 0-9, '_' and '-'.", bad.En);
    }

    [Fact]
    public void TransitionTo_RefusesInEachLanguage_GivenAPairNotInTheTable()
    {
        var file = CaseManagementWorkflow.Default.Start("case-11", new CaseManagementContext(RiskLevel.Rendah), Staff, ClockAt(2025, 5, 20, 12, 0), Wita);

        var refusal = InBoth(() => Assert.Throws<IllegalTransitionException>(() => file.TransitionTo(CaseStage.InterventionPlan, Staff, ClockAt(2025, 5, 20, 12, 0))).Message);

        Assert.Equal("case_management: tidak dapat berubah dari 'intake' ke 'intervention_plan': transisi ini tidak ada dalam tabel. Yang diizinkan dari 'intake': assessment, closed.", refusal.Id);
        Assert.Equal("case_management: cannot change from 'intake' to 'intervention_plan': the transition is not in the table. Allowed from 'intake': assessment, closed.", refusal.En);
    }

    [Fact]
    public void TransitionTo_RefusesMediationInEachLanguage_GivenATpksCase()
    {
        var refusal = InBoth(() => Assert.Throws<IllegalTransitionException>(() => MediationRefusal()).Refusal);

        Assert.Equal("Mediasi ditolak dalam perkara kekerasan seksual (TPKS): UU 12/2022 Pasal 23 melarang penyelesaian perkara TPKS di luar proses peradilan [R]; praktik UPTD PPA NTT tidak memediasi kekerasan seksual terhadap anak [C]", refusal.Id);
        Assert.StartsWith("Mediation is refused in a sexual-violence (TPKS) case: UU 12/2022 Pasal 23", refusal.En, StringComparison.Ordinal);
    }

    [Fact]
    public void SentenceCheck_NotesInEachLanguage_GivenPrisonBelowTheMinimum()
    {
        // UU 21/2007 Pasal 2(1) as enacted: prison 3 to 15 years (36–180 months); 35 months is one below.
        var notes = InBoth(() => SentenceChecker.Check(Request("UU21-2007:2(1)", prison: 35, fine: 120_000_000), Clock).Notes);

        Assert.Contains("Pidana penjara 35 bulan berada di bawah minimum 36 bulan.", notes.Id);
        Assert.Contains("Prison 35 months is below the minimum of 36 months.", notes.En);
    }

    [Fact]
    public void Evaluate_GivesTheLegalReasonInEachLanguage_GivenConsentRecorded()
    {
        var facts = TraffickingFacts.Parse(["perekrutan"], ["memberi_bayaran"], ["pelacuran"], null, null, true, null);

        var reasons = InBoth(() => TraffickingElementTest.Evaluate(facts, [new VictimAge(ChildStatus.Adult, 24, "age_at_offence")]).Reasons);

        Assert.Contains("Persetujuan korban dicatat dan tidak mengubah hasil: eksploitasi tetap dapat dipidana dengan atau tanpa persetujuan korban (UU 21/2007 Pasal 1 angka 7; Pasal 26; Protokol Palermo pasal 3(b)).", reasons.Id);
        Assert.Contains("The victim's consent is recorded and does not change the result: exploitation is punishable with or without the victim's consent (UU 21/2007 Pasal 1 angka 7; Pasal 26; Palermo Protocol art. 3(b)).", reasons.En);
        Assert.Contains(reasons.Id, r => r.StartsWith("Perbuatan (perekrutan), cara (memberi_bayaran) dan tujuan eksploitasi (pelacuran) semuanya ada", StringComparison.Ordinal));
    }

    [Fact]
    public void Definition_ReadsTheReadersLanguage_GivenCatalogueIndicators()
    {
        var cases = IndicatorCatalogue.All.Single(d => d.Id == IndicatorIds.Cases);
        var onTime = IndicatorCatalogue.All.Single(d => d.Id == IndicatorIds.FirstResponseOnTime);
        var own = cases with { Id = "own", Definition = "Own words." };

        var text = InBoth(() => (cases.Definition, onTime.Definition, own.Definition));

        Assert.Equal(("Jumlah putusan tingkat pertama yang diputus dalam periode, satu per catatan.", "first_response(met) / (met + late) x 100, 1 desimal.", "Own words."), text.Id);
        Assert.Equal(("Number of first-instance verdicts decided in the period, one per record.", "first_response(met) / (met + late) x 100, 1 decimal.", "Own words."), text.En);
        Assert.All(IndicatorCatalogue.All, d => Assert.NotEqual(InBoth(() => d.Definition).Id, InBoth(() => d.Definition).En));
    }

    [Fact]
    public void DetentionCheck_ReportsInEachLanguage_GivenAnOverlongExtension()
    {
        // A district-court extension printed 7 Jan – 8 Mar 2025 lasts 61 days; KUHAP Pasal 26(2) allows 60.
        var request = new DetentionCheckRequest
        {
            Periods = [new(DetentionStage.HakimPnPerpanjangan, new LocalDate(2025, 1, 7), new LocalDate(2025, 3, 8), null, DetentionType.Rutan)],
        };

        var problem = InBoth(() => DetentionLedger.Check(request).Problems.Single(p => p.Code == "over_limit").Message);

        Assert.StartsWith("Masa penahanan 0 (hakim_pn_perpanjangan) berlangsung 61 hari; batasnya 60 hari (KUHAP Pasal 26", problem.Id, StringComparison.Ordinal);
        Assert.StartsWith("Period 0 (hakim_pn_perpanjangan) lasts 61 days; the limit is 60 days (KUHAP Pasal 26", problem.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_ThrowsInEachLanguage_GivenAnAggravationAsTheArticle()
    {
        var ex = InBoth(() => Assert.Throws<DomainValidationException>(() => ArticleIds.Normalize("UU21-2007:17")).Message);

        Assert.Equal("UU21-2007:17 adalah pemberatan, bukan pasal tindak pidana: berikan pasal tindak pidananya (mis. UU21-2007:2(2)) dan cantumkan UU21-2007:17 pada aggravations.", ex.Id);
        Assert.Equal("UU21-2007:17 is an aggravation, not an offence article: give the offence article (e.g. UU21-2007:2(2)) and list UU21-2007:17 under aggravations.", ex.En);
    }

    private static void MediationRefusal() =>
        ServiceWorkflow.Default.Start("svc-1", new ServiceContext(ServiceType.Mediasi, true, false), Staff, ClockAt(2025, 5, 20, 12, 0), Wita)
            .TransitionTo(ServiceState.Accepted, Staff, ClockAt(2025, 5, 20, 12, 0));

    /// <summary>Runs <paramref name="read"/> once in Bahasa Indonesia and once in English, restoring the culture.</summary>
    private static (T Id, T En) InBoth<T>(Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = Texts.Indonesian;
            T id = read();
            CultureInfo.CurrentUICulture = Texts.English;
            return (id, read());
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
