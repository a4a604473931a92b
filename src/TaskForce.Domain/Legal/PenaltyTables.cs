using NodaTime;

namespace TaskForce.Domain.Legal;

/// <summary>
/// The penalty tables the legal engine prices charges with: regimes, statutory threats per article, aggravations,
/// participation and corporate rules, and the 2023 criminal code's fine categories. Data, not logic
/// (docs/decisions/ADR-003-legal-regimes-as-data.md).
/// </summary>
/// <remarks>
/// <para>Every row carries <c>Confirmed</c> and a <c>Source</c> with the project's confidence mark
/// (docs/sources.md#confidence: [C] confirmed, [R] recalled, [U] unconfirmed). A result built on any row
/// with <c>Confirmed = false</c> carries a warning naming it. Nothing outside these tables knows a number of the law.</para>
/// <para>Regimes: UU 21/2007 as enacted governs acts before 2 January 2026 (3–15 years <em>and</em> Rp120–600 juta
/// for Pasal 2–6); from 2 January 2026 the version adjusted by KUHP 2023 (UU 1/2023 Pasal 455) and UU 1/2026 on
/// Penyesuaian Pidana applies (at most 15 years <em>or</em> a fine of at most category VII, no special minimum, per
/// PN Surabaya 2636/Pid.Sus/2025 [C]); an earlier act judged from that day gets the more favourable of the two
/// (UU 1/2026 Pasal 3(1) [C]). The same pattern holds for UU 18/2017 Pasal 81 (Lampiran I UU 1/2026: at most 10
/// years and/or a fine of at most category VI, quoted in PN Nunukan 306/Pid.Sus/2025 [C]). UU 35/2014 and UU 12/2022
/// have no adjusted rows: an act judged from 2 January 2026 under them is not supported.</para>
/// </remarks>
public static class PenaltyTables
{
    /// <summary>The first day of the 2023 criminal code and of UU 1/2026's adjustments: 2 January 2026.</summary>
    public static readonly LocalDate NewCriminalCodeInForce = new(2026, 1, 2);

    private const long Juta = 1_000_000;
    private const long Miliar = 1_000_000_000;

    private const string Uu21 = "UU21-2007";
    private const string Uu21Adj = "UU21-2007+UU1-2026";
    private const string Uu18 = "UU18-2017";
    private const string Uu18Adj = "UU18-2017+UU1-2026";
    private const string Uu35 = "UU35-2014";
    private const string Uu12 = "UU12-2022";

    private const string SrcAdjUnconfirmed = "[U] UU 1/2026 adjustment of this article not confirmed: derived from the confirmed Pasal 2(1) pattern (no special minimum; maximum prison kept); docs/sources.md#legal-regime-2026";

    private static readonly string[] TppoCore = ["UU21-2007:2(1)", "UU21-2007:2(2)", "UU21-2007:3", "UU21-2007:4", "UU21-2007:5", "UU21-2007:6"];
    private static readonly string[] ResultOffences = ["UU21-2007:2(2)", "UU21-2007:3", "UU21-2007:4", "UU21-2007:5", "UU21-2007:6"];
    private static readonly string[] ChildAggravated = ["UU21-2007:2(1)", "UU21-2007:2(2)", "UU21-2007:3", "UU21-2007:4"];

    /// <summary>Gets the regimes.</summary>
    public static IReadOnlyList<LegalRegime> Regimes { get; } =
    [
        new(Uu21, Uu21, "UU 21/2007 (PTPPO) as enacted", new LocalDate(2007, 4, 19), NewCriminalCodeInForce, false, 240, false,
            "[R] UU 21/2007 enacted 19 April 2007; [C] replaced for later acts by KUHP 2023 / UU 1/2026 from 2 January 2026 (docs/sources.md#legal-regime-2026)"),
        new(Uu21Adj, Uu21, "UU 21/2007 as adjusted by KUHP 2023 (UU 1/2023 Pasal 455) and UU 1/2026 on Penyesuaian Pidana", NewCriminalCodeInForce, null, true, 240, true,
            "[C] in force 2 January 2026; PN Surabaya 2636/Pid.Sus/2025 (docs/sources.md#legal-regime-2026)"),
        new(Uu18, Uu18, "UU 18/2017 (Pelindungan Pekerja Migran Indonesia) as enacted", new LocalDate(2017, 11, 22), NewCriminalCodeInForce, false, 240, false,
            "[R] UU 18/2017 enacted 22 November 2017 (earlier acts: UU 39/2004, not encoded)"),
        new(Uu18Adj, Uu18, "UU 18/2017 as adjusted by UU 1/2026 on Penyesuaian Pidana (Lampiran I)", NewCriminalCodeInForce, null, true, 240, true,
            "[C] PN Nunukan 306/Pid.Sus/2025 (January 2026) quoting Lampiran I and Pasal II(5)(f) of UU 1/2026"),
        new(Uu35, Uu35, "UU 35/2014 amending UU 23/2002 (Perlindungan Anak), as enacted", new LocalDate(2014, 10, 17), NewCriminalCodeInForce, false, 240, false,
            "[R] UU 35/2014 enacted 17 October 2014; its UU 1/2026 adjustment is not encoded"),
        new(Uu12, Uu12, "UU 12/2022 (Tindak Pidana Kekerasan Seksual), as enacted", new LocalDate(2022, 5, 9), NewCriminalCodeInForce, false, 240, true,
            "[C] UU 12/2022 enacted and in force 9 May 2022 (Pasal 93; press reports of the signing); its UU 1/2026 adjustment is not encoded"),
    ];

    /// <summary>Gets the KUHP 2023 fine categories (UU 1/2023 Pasal 79).</summary>
    public static IReadOnlyList<FineCategory> FineCategories { get; } =
    [
        new(1, 1 * Juta, false, "[R] UU 1/2023 Pasal 79(1)(a), docs/sources.md#legal-regime-2026"),
        new(2, 10 * Juta, false, "[R] UU 1/2023 Pasal 79(1)(b)"),
        new(3, 50 * Juta, false, "[R] UU 1/2023 Pasal 79(1)(c)"),
        new(4, 200 * Juta, false, "[R] UU 1/2023 Pasal 79(1)(d)"),
        new(5, 500 * Juta, false, "[R] UU 1/2023 Pasal 79(1)(e)"),
        new(6, 2 * Miliar, false, "[R] UU 1/2023 Pasal 79(1)(f)"),
        new(7, 5 * Miliar, false, "[R] UU 1/2023 Pasal 79(1)(g)"),
        new(8, 50 * Miliar, false, "[R] UU 1/2023 Pasal 79(1)(h)"),
    ];

    /// <summary>Gets the statutory threats, per regime and article.</summary>
    public static IReadOnlyList<StatutoryPenalty> Penalties { get; } =
    [
        // UU 21/2007 as enacted (docs/sources.md#uu-21-2007-penalties). Prison and fine are cumulative ("dan") throughout.
        Row(Uu21, "UU21-2007:2(1)", "act + means for exploitation (formal offence)", 36, 180, 120, 600, true, "[C] UU 21/2007 Pasal 2(1), S-SBMI"),
        Row(Uu21, "UU21-2007:2(2)", "as Pasal 2(1), exploitation results", 36, 180, 120, 600, false, "[R] UU 21/2007 Pasal 2(2)"),
        Row(Uu21, "UU21-2007:3", "bringing a person into Indonesia to be exploited", 36, 180, 120, 600, true, "[C] UU 21/2007 Pasal 3, S-SBMI"),
        Row(Uu21, "UU21-2007:4", "taking an Indonesian citizen abroad to be exploited", 36, 180, 120, 600, true, "[C] UU 21/2007 Pasal 4, S-SBMI"),
        Row(Uu21, "UU21-2007:5", "adopting a child with a promise or payment, for exploitation", 36, 180, 120, 600, false, "[R] UU 21/2007 Pasal 5 (S-SBMI cut off)"),
        Row(Uu21, "UU21-2007:6", "sending a child into or out of the country by any means, child exploited", 36, 180, 120, 600, false, "[R] UU 21/2007 Pasal 6"),
        Row(Uu21, "UU21-2007:9", "trying to incite another to commit TPPO, not committed", 12, 72, 40, 240, false, "[R] UU 21/2007 Pasal 9"),
        Row(Uu21, "UU21-2007:19", "false statements or forged documents to facilitate TPPO", 12, 84, 40, 280, true, "[C] UU 21/2007 Pasal 19, S-123-16to21"),
        Row(Uu21, "UU21-2007:20", "false testimony or evidence, influencing a witness", 12, 84, 40, 280, true, "[C] UU 21/2007 Pasal 20, S-123-16to21"),
        Row(Uu21, "UU21-2007:21(1)", "physical attack on a witness or court officer", 12, 60, 40, 200, true, "[C] UU 21/2007 Pasal 21(1), S-123-16to21"),
        Row(Uu21, "UU21-2007:21(2)", "as Pasal 21(1), causing serious injury", 24, 120, 80, 400, false, "[R] UU 21/2007 Pasal 21(2)"),
        Row(Uu21, "UU21-2007:21(3)", "as Pasal 21(1), causing death", 36, 180, 120, 600, false, "[R] UU 21/2007 Pasal 21(3)"),
        Row(Uu21, "UU21-2007:22", "preventing or obstructing investigation, prosecution or trial", 12, 60, 40, 200, false, "[R] UU 21/2007 Pasal 22"),
        Row(Uu21, "UU21-2007:23", "helping an offender escape or hide", 12, 60, 40, 200, false, "[R] UU 21/2007 Pasal 23"),
        Row(Uu21, "UU21-2007:24", "disclosing a protected witness's or victim's identity", 36, 84, 120, 280, false, "[R] UU 21/2007 Pasal 24"),
        new(Uu21, "UU21-2007:7(2)", "Pasal 2(2), 3-6 causing the victim's death", 60, 240, true, 200 * Juta, 5 * Miliar, null, PenaltyMode.Cumulative, false, "[R] UU 21/2007 Pasal 7(2): 5 years to life and Rp200 juta-5 miliar"),

        // UU 21/2007 adjusted (from 2 January 2026). Pasal 2(1) is confirmed by a real verdict; the rest follow it
        // unconfirmed. Fine categories resolve through FineCategories (themselves [R]).
        Adj(Uu21Adj, "UU21-2007:2(1)", "act + means for exploitation (UU 1/2023 Pasal 455(1))", 180, 7, PenaltyMode.Alternative, true,
            "[C] UU 21/2007 Pasal 2(1) jo UU 1/2023 Pasal 455(1) jo UU 1/2026: at most 15 years or a fine of at most category VII, no special minimum (PN Surabaya 2636/Pid.Sus/2025; docs/sources.md#legal-regime-2026)"),
        Adj(Uu21Adj, "UU21-2007:2(2)", "as Pasal 2(1), exploitation results", 180, 7, PenaltyMode.Alternative, false, SrcAdjUnconfirmed),
        Adj(Uu21Adj, "UU21-2007:3", "bringing a person into Indonesia to be exploited", 180, 7, PenaltyMode.Alternative, false, SrcAdjUnconfirmed),
        Adj(Uu21Adj, "UU21-2007:4", "taking an Indonesian citizen abroad to be exploited", 180, 7, PenaltyMode.Alternative, false, SrcAdjUnconfirmed),
        Adj(Uu21Adj, "UU21-2007:5", "adopting a child for exploitation", 180, 7, PenaltyMode.Alternative, false, SrcAdjUnconfirmed),
        Adj(Uu21Adj, "UU21-2007:6", "sending a child in or out of the country, child exploited", 180, 7, PenaltyMode.Alternative, false, SrcAdjUnconfirmed),
        AdjKeepFine(Uu21Adj, "UU21-2007:9", "trying to incite another to commit TPPO", 72, 240),
        AdjKeepFine(Uu21Adj, "UU21-2007:19", "false statements or forged documents", 84, 280),
        AdjKeepFine(Uu21Adj, "UU21-2007:20", "false testimony or evidence", 84, 280),
        AdjKeepFine(Uu21Adj, "UU21-2007:21(1)", "physical attack on a witness or court officer", 60, 200),
        AdjKeepFine(Uu21Adj, "UU21-2007:21(2)", "as Pasal 21(1), causing serious injury", 120, 400),
        AdjKeepFine(Uu21Adj, "UU21-2007:21(3)", "as Pasal 21(1), causing death", 180, 600),
        AdjKeepFine(Uu21Adj, "UU21-2007:22", "obstructing investigation, prosecution or trial", 60, 200),
        AdjKeepFine(Uu21Adj, "UU21-2007:23", "helping an offender escape or hide", 60, 200),
        AdjKeepFine(Uu21Adj, "UU21-2007:24", "disclosing a protected identity", 84, 280),
        new(Uu21Adj, "UU21-2007:7(2)", "Pasal 2(2), 3-6 causing the victim's death", 0, 240, true, 0, 5 * Miliar, null, PenaltyMode.CumulativeAlternative, false,
            "[U] adjustment of UU 21/2007 Pasal 7(2) by UU 1/2026 not confirmed: life kept, special minimum dropped, as-enacted maximum fine kept"),

        // UU 18/2017 (migrant workers): the usual alternative conviction in the real verdicts (docs/sources.md#uu-18-2017).
        new(Uu18, "UU18-2017:81", "individual carrying out placement of migrant workers (Pasal 81 jo 69)", 0, 120, false, 0, 15 * Miliar, null, PenaltyMode.Cumulative, true,
            "[C] UU 18/2017 Pasal 81 jo 69: at most 10 years and a fine of at most Rp15 miliar, no special minimum (quoted in PN Nunukan and PN Blitar verdicts 2025; docs/sources.md#uu-18-2017)"),
        new(Uu18Adj, "UU18-2017:81", "individual carrying out placement of migrant workers (Pasal 81 jo 69)", 0, 120, false, 0, CategoryAmount(6), 6, PenaltyMode.CumulativeAlternative, true,
            "[C] UU 18/2017 Pasal 81 as adjusted by Lampiran I UU 1/2026: at most 10 years and/or a fine of at most category VI (UU 1/2026 Pasal II(5)(f): more than 8 up to 11 years gives category VI), quoted in PN Nunukan 306/Pid.Sus/2025"),

        // UU 35/2014 (child protection): the child alternatives (docs/sources.md#uu-35-2014).
        Row(Uu35, "UU35-2014:83", "abduction, sale or trafficking of a child (Pasal 83 jo 76F)", 36, 180, 60, 300, false, "[R/U] UU 35/2014 Pasal 83 jo 76F: 3-15 years and Rp60-300 juta"),
        new(Uu35, "UU35-2014:88", "economic and/or sexual exploitation of a child (Pasal 88 jo 76I)", 0, 120, false, 0, 200 * Juta, null, PenaltyMode.CumulativeAlternative, true,
            "[C] UU 35/2014 Pasal 88 jo 76I: at most 10 years and/or a fine of at most Rp200 juta (S-UUPA88)"),

        // UU 12/2022 (TPKS): trafficking for sexual exploitation is also sexual violence (Pasal 4(2)).
        new(Uu12, "UU12-2022:12", "sexual exploitation (Pasal 12)", 0, 180, false, 0, 1 * Miliar, null, PenaltyMode.CumulativeAlternative, false,
            "[R] UU 12/2022 Pasal 12: at most 15 years and/or a fine of at most Rp1 miliar (press quotation of the text passed on 12 April 2022; not yet checked against JDIH; docs/sources.md#uu-12-2022)"),
    ];

    /// <summary>Gets the aggravations, per regime.</summary>
    public static IReadOnlyList<AggravationRule> Aggravations { get; } =
    [
        .. AggravationsFor(Uu21, confirmedBase: true),
        .. AggravationsFor(Uu21Adj, confirmedBase: false),
    ];

    /// <summary>Gets the participation rules, per regime.</summary>
    public static IReadOnlyList<ParticipationRule> Participations { get; } =
    [
        // UU 21/2007 Pasal 10 (attempt, aiding) and 11 (conspiracy): the same penalty as the completed offence.
        new(Uu21, LegalParticipation.Attempt, TppoCore, 1, 1, true, false, "[R] UU 21/2007 Pasal 10: attempt takes the penalty of Pasal 2-6"),
        new(Uu21, LegalParticipation.Aiding, TppoCore, 1, 1, true, false, "[R] UU 21/2007 Pasal 10: aiding takes the penalty of Pasal 2-6"),
        new(Uu21, LegalParticipation.Conspiracy, TppoCore, 1, 1, true, false, "[R] UU 21/2007 Pasal 11: conspiracy takes the penalty of the perpetrator"),
        new(Uu21Adj, LegalParticipation.Attempt, TppoCore, 1, 1, true, false, "[U] UU 21/2007 Pasal 10 assumed to survive the 2026 adjustment"),
        new(Uu21Adj, LegalParticipation.Aiding, TppoCore, 1, 1, true, false, "[U] UU 21/2007 Pasal 10 assumed to survive the 2026 adjustment"),
        new(Uu21Adj, LegalParticipation.Conspiracy, TppoCore, 1, 1, true, false, "[U] UU 21/2007 Pasal 11 assumed to survive the 2026 adjustment"),

        // Other laws: the general criminal code. KUHP (WvS) Pasal 53(2): the maximum for an attempt MAY be reduced by
        // one third, so the statutory bound stays the full maximum; Pasal 57(1): for aiding it IS reduced by one third.
        .. GeneralCode(Uu18, ["UU18-2017:81"], adjusted: false),
        .. GeneralCode(Uu18Adj, ["UU18-2017:81"], adjusted: true),
        .. GeneralCode(Uu35, ["UU35-2014:83", "UU35-2014:88"], adjusted: false),
        .. GeneralCode(Uu12, ["UU12-2022:12"], adjusted: false),
    ];

    /// <summary>Gets the corporate fine rules (UU 21/2007 Pasal 15).</summary>
    public static IReadOnlyList<CorporateRule> CorporateRules { get; } =
    [
        new(Uu21, TppoCore, 3, false, "[R] UU 21/2007 Pasal 15(1): a corporation's fine is three times the fine of Pasal 2-6 (docs/sources.md#uu-21-2007-corporations)"),
        new(Uu21Adj, TppoCore, 3, false, "[U] UU 21/2007 Pasal 15(1) assumed to survive the 2026 adjustment"),
    ];

    /// <summary>Returns a regime by id.</summary>
    /// <param name="id">The regime id.</param>
    /// <returns>The regime, or <see langword="null"/>.</returns>
    public static LegalRegime? Regime(string id) => Regimes.FirstOrDefault(r => r.Id == id);

    /// <summary>Returns the threat of an article under a regime.</summary>
    /// <param name="regimeId">The regime id.</param>
    /// <param name="articleId">The article id.</param>
    /// <returns>The row, or <see langword="null"/> when the table has none.</returns>
    public static StatutoryPenalty? Penalty(string regimeId, string articleId) =>
        Penalties.FirstOrDefault(p => p.RegimeId == regimeId && p.ArticleId == articleId);

    private static StatutoryPenalty Row(string regime, string article, string offence, int minMonths, int maxMonths, long minJuta, long maxJuta, bool confirmed, string source) =>
        new(regime, article, offence, minMonths, maxMonths, false, minJuta * Juta, maxJuta * Juta, null, PenaltyMode.Cumulative, confirmed, source);

    private static StatutoryPenalty Adj(string regime, string article, string offence, int maxMonths, int category, PenaltyMode mode, bool confirmed, string source) =>
        new(regime, article, offence, 0, maxMonths, false, 0, CategoryAmount(category), category, mode, confirmed, source);

    private static StatutoryPenalty AdjKeepFine(string regime, string article, string offence, int maxMonths, long maxJuta) =>
        new(regime, article, offence, 0, maxMonths, false, 0, maxJuta * Juta, null, PenaltyMode.CumulativeAlternative, false,
            "[U] UU 1/2026 adjustment of this article not confirmed: special minimum dropped, maximum prison and as-enacted maximum fine kept, prison and/or fine (the Lampiran I pattern of UU 18/2017 Pasal 81)");

    private static long CategoryAmount(int category) => FineCategories.First(c => c.Category == category).AmountIdr;

    private static IEnumerable<AggravationRule> AggravationsFor(string regime, bool confirmedBase)
    {
        string adj = confirmedBase ? string.Empty : " [U] assumed unchanged by the 2026 adjustment;";
        yield return new(regime, "UU21-2007:7(1)", "serious injury, severe mental disorder, life-threatening infection, pregnancy or loss of reproductive function", ResultOffences, AggravationEffect.PlusOneThird, false, $"{adj} [R] UU 21/2007 Pasal 7(1): +1/3 for Pasal 2(2), 3, 4, 5, 6");
        yield return new(regime, "UU21-2007:7(2)", "death of the victim", ResultOffences, AggravationEffect.DeathRange, false, $"{adj} [R] UU 21/2007 Pasal 7(2): 5 years to life and Rp200 juta-5 miliar for Pasal 2(2), 3, 4, 5, 6");
        yield return new(regime, "UU21-2007:8", "state official abusing power", TppoCore, AggravationEffect.PlusOneThird, false, $"{adj} [R] UU 21/2007 Pasal 8(1): +1/3 for Pasal 2-6");
        yield return new(regime, "UU21-2007:16", "organised criminal group", TppoCore, AggravationEffect.PlusOneThird, confirmedBase, $"{adj} [C] UU 21/2007 Pasal 16: the Pasal 2 penalty +1/3 for each member (S-123-16to21)");
        yield return new(regime, "UU21-2007:17", "against a child", ChildAggravated, AggravationEffect.PlusOneThird, confirmedBase, $"{adj} [C] UU 21/2007 Pasal 17: +1/3 when Pasal 2, 3 or 4 is committed against a child (S-123-16to21)");
    }

    private static IEnumerable<ParticipationRule> GeneralCode(string regime, string[] articles, bool adjusted)
    {
        if (adjusted)
        {
            yield return new(regime, LegalParticipation.Attempt, articles, 2, 3, null, false, "[R] UU 1/2023 Pasal 17: the penalty for an attempt is at most two thirds of the maximum");
            yield return new(regime, LegalParticipation.Aiding, articles, 2, 3, null, false, "[R] UU 1/2023 Pasal 21: the penalty for aiding is at most two thirds of the maximum");
        }
        else
        {
            yield return new(regime, LegalParticipation.Attempt, articles, 1, 1, null, false, "[R] KUHP (WvS) Pasal 53(2): the maximum for an attempt may be reduced by one third; the full maximum is the statutory bound");
            yield return new(regime, LegalParticipation.Aiding, articles, 2, 3, null, false, "[R] KUHP (WvS) Pasal 57(1): the maximum for aiding is reduced by one third");
        }
    }
}
