using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Legal;

/// <summary>The input of <c>qualify</c> as sent (docs/wire-contract.md); validated by <see cref="TraffickingQualifier.Qualify"/>.</summary>
public sealed record QualifyRequest
{
    /// <summary>Gets the date of the act. Required; not in the future.</summary>
    public LocalDate? OffenceDate { get; init; }

    /// <summary>Gets the date of judgment, if known; today when absent (it decides lex mitior, UU 1/2026 Pasal 3).</summary>
    public LocalDate? DecisionDate { get; init; }

    /// <summary>Gets the victims.</summary>
    public IReadOnlyList<QualifyVictim>? Victims { get; init; }

    /// <summary>Gets the act codes.</summary>
    public IReadOnlyList<string>? Acts { get; init; }

    /// <summary>Gets the means codes.</summary>
    public IReadOnlyList<string>? Means { get; init; }

    /// <summary>Gets the purpose codes.</summary>
    public IReadOnlyList<string>? Purposes { get; init; }

    /// <summary>Gets whether exploitation actually happened.</summary>
    public bool? ExploitationOccurred { get; init; }

    /// <summary>Gets the destination country, ISO 3166-1 alpha-2.</summary>
    public string? DestinationCountry { get; init; }

    /// <summary>Gets the country the victims were brought from, ISO 3166-1 alpha-2 (for UU 21/2007 Pasal 3);
    /// <see langword="null"/> is Indonesia.</summary>
    public string? OriginCountry { get; init; }

    /// <summary>Gets the facts about the offender.</summary>
    public QualifyOffender? Offender { get; init; }

    /// <summary>Gets the harm codes.</summary>
    public IReadOnlyList<string>? Harms { get; init; }

    /// <summary>Gets whether the victim consented (recorded, never decisive).</summary>
    public bool? VictimConsented { get; init; }

    /// <summary>Gets whether the victim committed an offence under coercion (Pasal 18).</summary>
    public bool? VictimCommittedCoercedOffence { get; init; }
}

/// <summary>A victim in a <c>qualify</c> request. No identity is needed or accepted.</summary>
public sealed record QualifyVictim
{
    /// <summary>Gets the sex code; <see langword="null"/> is unknown.</summary>
    public string? Sex { get; init; }

    /// <summary>Gets the birth date, if known.</summary>
    public LocalDate? BirthDate { get; init; }

    /// <summary>Gets the age at the act, if known.</summary>
    public int? AgeAtOffence { get; init; }

    /// <summary>Gets whether the victim was still in the womb at the act.</summary>
    public bool Unborn { get; init; }

    /// <summary>Gets the citizenship, ISO 3166-1 alpha-2, if known.</summary>
    public string? Citizenship { get; init; }
}

/// <summary>The offender facts that aggravate the penalty.</summary>
public sealed record QualifyOffender
{
    /// <summary>Gets whether the offender is a state official abusing power (UU 21/2007 Pasal 8).</summary>
    public bool StateOfficial { get; init; }

    /// <summary>Gets whether the offence was committed by an organised group (Pasal 16).</summary>
    public bool OrganizedGroup { get; init; }

    /// <summary>Gets whether the offender is a corporation (Pasal 13-15).</summary>
    public bool Corporation { get; init; }
}

/// <summary>
/// Answers the task force's first two questions about a report: is it trafficking (the element test), and what can
/// be charged, with the statutory range of each candidate article under the governing regime.
/// </summary>
/// <remarks>
/// Each UU 21/2007 article is offered only when its own elements are recorded (docs/sources.md#uu-21-2007-children, #uu-21-2007-penalties, #uu-21-2007-elements):
/// <list type="bullet">
/// <item>Pasal 2(1): act + means + exploitative purpose; Pasal 2(2) when exploitation also happened.</item>
/// <item>Pasal 3: a person brought into Indonesia (origin country not Indonesia) for exploitation.</item>
/// <item>Pasal 4: an Indonesian citizen (or citizenship unknown, with a note) taken abroad for exploitation; no means
/// is needed (as PN Nunukan 297/Pid.Sus/2024 notes).</item>
/// <item>Pasal 5: a child and the purpose of adoption; Pasal 6: a child sent across the border and exploited.</item>
/// <item>Aggravations: Pasal 17 for a child victim (on Pasal 2-4); Pasal 7(1) for the listed harms and 7(2) for
/// death (on Pasal 2(2)-6); Pasal 8 state official; Pasal 16 organised group; Pasal 15 corporation.</item>
/// </list>
/// Alternatives, as the real verdicts use them (samples/verdicts): UU 18/2017 Pasal 81 jo 69 when workers are
/// taken abroad for labour; UU 35/2014 Pasal 83 jo 76F and 88 jo 76I for a child; UU 12/2022 Pasal 12 when the
/// purpose is sexual (trafficking for sexual exploitation is also sexual violence, UU 12/2022 Pasal 4(2)). For a
/// child without a recorded means, Pasal 2 is not offered (it names the means) and Pasal 5, 6 or UU 35/2014 are.
/// </remarks>
public static class TraffickingQualifier
{
    private static readonly ExploitationPurpose[] SexualPurposes = [ExploitationPurpose.SexualExploitation, ExploitationPurpose.Prostitution, ExploitationPurpose.ReproductiveOrganExploitation];

    private static readonly ExploitationPurpose[] LabourPurposes =
        [ExploitationPurpose.ForcedLabour, ExploitationPurpose.ForcedServices, ExploitationPurpose.Slavery, ExploitationPurpose.SlaveryLikePractice, ExploitationPurpose.Oppression, ExploitationPurpose.PhysicalExploitation, ExploitationPurpose.Other];

    /// <summary>Qualifies a report.</summary>
    /// <param name="request">The request. Cannot be <see langword="null"/>.</param>
    /// <param name="clock">The clock ("today": the future-date check and the default judgment date).</param>
    /// <param name="options">The documented readings; <see langword="null"/> for the defaults.</param>
    /// <returns>The status, reasons and candidate charges with their ranges.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or <paramref name="clock"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException"><c>offence_date</c> is missing or in the future; <c>decision_date</c>
    /// is before it; a code is unknown (<c>acts[i]</c>, <c>means[i]</c>, <c>purposes[i]</c>, <c>harms[i]</c>,
    /// <c>victims[i].sex</c>, <c>victims[i].citizenship</c>, <c>destination_country</c>, <c>origin_country</c>); a
    /// victim's birth date is after the act without <c>unborn</c>, or the age is impossible.</exception>
    public static QualificationResult Qualify(QualifyRequest request, IClock clock, LegalEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(clock);
        options ??= LegalEngineOptions.Default;
        var (offence, decision) = SentenceChecker.Dates(request.OffenceDate, request.DecisionDate, DistrictTime.Today(clock, options.Zone));
        var facts = TraffickingFacts.Parse(request.Acts, request.Means, request.Purposes, request.Harms, request.ExploitationOccurred, request.VictimConsented, request.VictimCommittedCoercedOffence);
        var destination = CountryCode.ParseOptional(request.DestinationCountry, "destination_country");
        var origin = CountryCode.ParseOptional(request.OriginCountry, "origin_country");
        var victims = request.Victims ?? [];
        var ages = new List<VictimAge>(victims.Count);
        var citizenships = new List<CountryCode?>(victims.Count);
        for (int i = 0; i < victims.Count; i++)
        {
            var v = victims[i] ?? throw new DomainValidationException($"victims[{i}]", LegalText.VictimEntryNull);
            if (!WireCodes.TryParseSex(v.Sex, out _))
            {
                throw new DomainValidationException($"victims[{i}].sex", Texts.Format(LegalText.SexCodeInvalid, v.Sex));
            }

            ages.Add(ChildAge.Assess(v.BirthDate, v.AgeAtOffence, v.Unborn, offence, $"victims[{i}]"));
            citizenships.Add(CountryCode.ParseOptional(v.Citizenship, $"victims[{i}].citizenship"));
        }

        var offender = request.Offender ?? new QualifyOffender();
        var test = TraffickingElementTest.Evaluate(facts, ages);
        var reasons = new List<string>(test.Reasons);
        var warnings = new List<string>(test.Warnings);
        var charges = new List<ChargeCandidate>();
        string? mainRegime = null;
        IReadOnlyList<string> mainCompared = [];

        bool child = test.ChildVictim;
        bool act = test.Elements.Act, means = test.Elements.Means, purpose = test.Elements.Purpose;
        bool occurred = facts.ExploitationOccurred == true;
        bool outbound = destination is { IsIndonesia: false };
        bool inbound = origin is { IsIndonesia: false } && (destination is null || destination.IsIndonesia);
        bool death = facts.Harms.Contains(VictimHarm.Death);
        bool harm = facts.Harms.Any(h => h != VictimHarm.Death);

        void Offer(string article, string basis)
        {
            var aggravations = new List<string>();
            if (child && article is "UU21-2007:2(1)" or "UU21-2007:2(2)" or "UU21-2007:3" or "UU21-2007:4")
            {
                aggravations.Add("UU21-2007:17");
            }

            if (article is "UU21-2007:2(2)" or "UU21-2007:3" or "UU21-2007:4" or "UU21-2007:5" or "UU21-2007:6")
            {
                if (harm)
                {
                    aggravations.Add("UU21-2007:7(1)");
                }

                if (death)
                {
                    aggravations.Add("UU21-2007:7(2)");
                }
            }

            if (article.StartsWith("UU21-2007:", StringComparison.Ordinal))
            {
                if (offender.StateOfficial)
                {
                    aggravations.Add("UU21-2007:8");
                }

                if (offender.OrganizedGroup)
                {
                    aggravations.Add("UU21-2007:16");
                }
            }

            bool corporate = offender.Corporation && article.StartsWith("UU21-2007:", StringComparison.Ordinal);
            if (offender.Corporation && !corporate)
            {
                warnings.Add(Texts.Format(LegalText.PricedForNaturalPerson, article));
            }

            var (range, compared, lexMitior, notSupported) = SentenceChecker.Resolve(article, aggravations, LegalParticipation.Perpetrator, corporate, offence, decision, options, "aggravations");
            if (range is null)
            {
                warnings.Add(Texts.Format(LegalText.CandidateNotPriced, article, basis, notSupported));
                return;
            }

            if (lexMitior is not null && !reasons.Contains(lexMitior))
            {
                reasons.Add(lexMitior);
            }

            foreach (string w in range.Warnings.Where(w => !warnings.Contains(w)))
            {
                warnings.Add(w);
            }

            if (mainRegime is null && article.StartsWith("UU21-2007:", StringComparison.Ordinal))
            {
                mainRegime = range.Regime.Id;
                mainCompared = compared;
            }

            charges.Add(new ChargeCandidate
            {
                Article = article,
                Aggravations = aggravations,
                Regime = range.Regime.Id,
                PrisonMonths = range.Prison,
                LifeImprisonment = range.Life,
                FineIdr = range.Fine,
                Penalties = range.Mode == PenaltyMode.Cumulative ? PenaltiesCombination.Cumulative : PenaltiesCombination.Alternative,
                Confirmed = range.Confirmed,
                Basis = basis,
            });
        }

        if (act && means && purpose)
        {
            Offer("UU21-2007:2(1)", LegalText.OfferUu21Pasal2Ayat1);
            if (occurred)
            {
                Offer("UU21-2007:2(2)", LegalText.OfferUu21Pasal2Ayat2);
            }
        }
        else if (act && purpose && child)
        {
            reasons.Add(LegalText.ChildNoMeansChargesToConsider);
        }

        if (inbound && purpose)
        {
            Offer("UU21-2007:3", Texts.Format(LegalText.OfferUu21Pasal3, origin));
        }

        if (outbound && purpose && (citizenships.Count == 0 || citizenships.Any(c => c is null || c.IsIndonesia)))
        {
            Offer("UU21-2007:4", Texts.Format(LegalText.OfferUu21Pasal4, destination));
            if (citizenships.Count == 0 || citizenships.Any(c => c is null))
            {
                warnings.Add(LegalText.CitizenshipNotRecordedPasal4);
            }
        }

        if (child && facts.Purposes.Contains(ExploitationPurpose.IllegalAdoption))
        {
            Offer("UU21-2007:5", LegalText.OfferUu21Pasal5);
        }

        if (child && (outbound || inbound))
        {
            if (occurred)
            {
                Offer("UU21-2007:6", LegalText.OfferUu21Pasal6);
            }
            else
            {
                reasons.Add(LegalText.Pasal6NeedsExploitation);
            }
        }

        if (outbound && act && (facts.Purposes.Any(LabourPurposes.Contains) || !purpose))
        {
            Offer("UU18-2017:81", LegalText.OfferUu18Pasal81);
        }

        if (child && act)
        {
            Offer("UU35-2014:83", LegalText.OfferUu35Pasal83);
        }

        if (child && facts.Purposes.Any(p => p != ExploitationPurpose.IllegalAdoption))
        {
            Offer("UU35-2014:88", LegalText.OfferUu35Pasal88);
        }

        bool tpks = facts.Purposes.Any(SexualPurposes.Contains) && test.Status != TraffickingStatus.NotAVictim;
        if (tpks)
        {
            reasons.Add(LegalText.SexualExploitationIsTpks);
            Offer("UU12-2022:12", LegalText.OfferUu12Pasal12);
        }

        if (charges.Count == 0 && test.Status != TraffickingStatus.NotAVictim)
        {
            reasons.Add(LegalText.NoArticleComplete);
        }

        if (mainRegime is null)
        {
            var atAct = PenaltyCalculator.Applicable("UU21-2007", offence, decision).Regimes;
            mainRegime = atAct.Count > 0 ? atAct[0].Id : "UU21-2007";
        }

        return new QualificationResult
        {
            Status = test.Status,
            Elements = test.Elements,
            ChildRuleApplied = test.ChildRuleApplied,
            Regime = mainRegime,
            RegimesCompared = mainCompared,
            Reasons = reasons,
            Charges = charges,
            Warnings = warnings,
            VictimNotPunishable = test.VictimNotPunishable,
            TpksOverlap = tpks,
        };
    }
}
