using System.Globalization;
using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Legal;

/// <summary>
/// Whether a prosecution may be stopped on restorative-justice grounds (penghentian penuntutan berdasarkan keadilan
/// restoratif), judged from the article's penalty threat.
/// </summary>
/// <remarks>
/// <para>Source: Peraturan Kejaksaan Republik Indonesia Nomor 15 Tahun 2020 tentang Penghentian Penuntutan
/// Berdasarkan Keadilan Restoratif. Pasal 5 ayat (1): the suspect offends for the first time (huruf a); the offence is
/// punishable only by a fine or by imprisonment of <em>at most 5 years</em> (huruf b); the loss or evidence is worth at
/// most Rp2,500,000 (huruf c). Pasal 5 ayat (8) huruf b excludes offences with a special minimum penalty. Ayat (1) is
/// [C] from several public summaries of the regulation (Antara/JPNN and Tribun, August 2020; pasal.id lists the
/// regulation); ayat (8) is [R] (one secondary source); docs/sources.md#perja-15-2020.</para>
/// <para>Every TPPO article of UU 21/2007 (Pasal 2-6: up to 15 years, 3-year minimum) fails huruf b and ayat (8)
/// huruf b, so TPPO is never eligible. UU 12/2022 Pasal 23 [R] separately forbids settling sexual-violence cases
/// (TPPO for sexual exploitation included) out of court. From 2 January 2026 the new KUHAP (UU 20/2025) regulates
/// restorative justice itself and its implementing regulation was still pending in January 2026
/// (docs/sources.md#kuhap-2025 [C]); the threshold test here is Perja 15/2020's and the result says so.</para>
/// </remarks>
public static class RestorativeJustice
{
    /// <summary>The highest maximum prison term, in months, that Perja 15/2020 Pasal 5(1)(b) allows (5 years).</summary>
    public const int MaxPrisonMonths = 60;

    private const string Perja = "Peraturan Kejaksaan RI No. 15 Tahun 2020";

    /// <summary>Assesses an article.</summary>
    /// <param name="article">The article id, e.g. <c>UU21-2007:2(1)</c>.</param>
    /// <param name="offenceDate">The date of the act. Required; not in the future.</param>
    /// <param name="decisionDate">The date of the prosecution decision; today when <see langword="null"/>.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <returns>Eligible or not with the reasons and sources; <see cref="RestorativeJusticeAssessment.Eligible"/> is
    /// <see langword="false"/> for every TPPO article; a "not supported" assessment when the tables do not price the
    /// article at these dates.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The article id is missing or malformed, the offence date is missing
    /// or in the future, or the decision date is before it.</exception>
    public static RestorativeJusticeAssessment Assess(string? article, LocalDate? offenceDate, LocalDate? decisionDate, IClock clock, LegalEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        options ??= LegalEngineOptions.Default;
        var (offence, decision) = SentenceChecker.Dates(offenceDate, decisionDate, DistrictTime.Today(clock, options.Zone));
        string id = ArticleIds.Normalize(article, "article");
        var (range, _, _, notSupported) = SentenceChecker.Resolve(id, [], LegalParticipation.Perpetrator, false, offence, decision, options, "aggravations");
        if (range is null)
        {
            return new RestorativeJusticeAssessment(id, false, null, null, [Texts.Format(LegalText.RestorativeJusticeNotAssessable, id, notSupported)], []);
        }

        var reasons = new List<string>();
        var warnings = new List<string>(range.Warnings);
        bool eligible = true;
        int max = range.Prison?.Max ?? 0;
        if (range.Life || max > MaxPrisonMonths)
        {
            eligible = false;
            reasons.Add(range.Life
                ? Texts.Format(LegalText.RestorativeJusticeExcludedLife, id, range.Regime.Id, Perja, MaxPrisonMonths)
                : Texts.Format(LegalText.RestorativeJusticeExcludedMonths, id, max, range.Regime.Id, Perja, MaxPrisonMonths));
        }

        if (range.Prison is { Min: > 0 } || range.Fine.Min > 0)
        {
            eligible = false;
            reasons.Add(Texts.Format(LegalText.RestorativeJusticeSpecialMinimum, id, range.Regime.Id, Perja));
        }

        if (ArticleIds.LawOf(id) == "UU12-2022")
        {
            eligible = false;
            reasons.Add(LegalText.RestorativeJusticeSexualViolence);
        }

        if (eligible)
        {
            reasons.Add(Texts.Format(LegalText.RestorativeJusticeNotExcluded, id, range.Regime.Id, Perja));
        }

        if (decision >= PenaltyTables.NewCriminalCodeInForce)
        {
            warnings.Add(LegalText.RestorativeJusticeNewKuhap);
        }

        return new RestorativeJusticeAssessment(id, true, eligible, range.Regime.Id, reasons, warnings);
    }
}
