using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Legal;

/// <summary>The identification status of a person, as HTCDS v2 names it (<c>vic_TraffickingStatus</c>).</summary>
public enum TraffickingStatus
{
    /// <summary>Not a victim of trafficking on the facts recorded. Wire code <c>not_a_victim</c>.</summary>
    NotAVictim = 0,

    /// <summary>Some elements are present, not all: a possible (presumptive) victim to be assessed further. Wire code
    /// <c>possible_victim</c>.</summary>
    PossibleVictim = 1,

    /// <summary>All elements the law requires are present. Wire code <c>actual_victim</c>.</summary>
    ActualVictim = 2,
}

/// <summary>Which of the three elements are present.</summary>
/// <param name="Act">An act (element A) is recorded.</param>
/// <param name="Means">A means (element B) is recorded.</param>
/// <param name="Purpose">An exploitative purpose (element C) is recorded.</param>
public sealed record ElementsPresent(bool Act, bool Means, bool Purpose);

/// <summary>The outcome of the element test.</summary>
/// <param name="Status">The identification status.</param>
/// <param name="Elements">Which elements are present.</param>
/// <param name="ChildRuleApplied">Whether the status rests on the child rule (no means needed).</param>
/// <param name="ChildVictim">Whether any victim was a child at the act.</param>
/// <param name="VictimNotPunishable">Whether an offence the victim committed under coercion is flagged as not
/// punishable (UU 21/2007 Pasal 18).</param>
/// <param name="Reasons">Why, with the legal source of each step, in order.</param>
/// <param name="Warnings">What limits the answer (missing ages, missing victims).</param>
public sealed record ElementTestResult(
    TraffickingStatus Status,
    ElementsPresent Elements,
    bool ChildRuleApplied,
    bool ChildVictim,
    bool VictimNotPunishable,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Warnings);

/// <summary>
/// The three-element test of trafficking with the child rule, the consent rule and the non-punishment rule
/// (docs/sources.md#uu-21-2007-elements, #uu-21-2007-children).
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Act + means + exploitative purpose → <see cref="TraffickingStatus.ActualVictim"/> (UU 21/2007 Pasal 1
/// angka 1, Pasal 2(1); Palermo Protocol art. 3(a)). Exploitation need not have happened: Pasal 2 is a formal offence
/// ("untuk tujuan mengeksploitasi").</item>
/// <item>Child rule: when a victim was under 18 at the act (including unborn; <see cref="ChildAge"/>), act + purpose
/// suffice and no means is needed (Palermo art. 3(c)(d), ratified by UU 14/2009; UU 21/2007 Pasal 5 and 6 need no
/// means, Pasal 17 aggravates; UU 35/2014 Pasal 76F/83 and 76I/88). For legal qualification Pasal 2 still names the
/// means, so <see cref="TraffickingQualifier"/> suggests Pasal 5, 6 or UU 35/2014 instead.</item>
/// <item>Some elements but not all (an act or a purpose present) → <see cref="TraffickingStatus.PossibleVictim"/>,
/// with the missing elements named; neither an act nor a purpose → <see cref="TraffickingStatus.NotAVictim"/>. This
/// split is the project's documented policy: HTCDS leaves the decision to the deciding organisation, so the result is
/// a recommendation, not a determination.</item>
/// <item>The victim's consent never changes the status (Pasal 1 angka 7 "dengan atau tanpa persetujuan korban"
/// [C]; Pasal 26 [R]; Palermo art. 3(b)).</item>
/// <item>An offence the victim committed because the trafficker forced them is flagged as not punishable
/// (Pasal 18 [C]) whenever the person is an actual or possible victim.</item>
/// </list>
/// </remarks>
public static class TraffickingElementTest
{
    /// <summary>Runs the test.</summary>
    /// <param name="facts">The elements. Cannot be <see langword="null"/>.</param>
    /// <param name="victims">Each victim's age at the act (see <see cref="ChildAge.Assess"/>). Cannot be
    /// <see langword="null"/>; may be empty.</param>
    /// <returns>The status with its reasons.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static ElementTestResult Evaluate(TraffickingFacts facts, IReadOnlyList<VictimAge> victims)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(victims);
        var reasons = new List<string>();
        var warnings = new List<string>();
        var elements = new ElementsPresent(facts.Acts.Count > 0, facts.Means.Count > 0, facts.Purposes.Count > 0);
        bool child = victims.Any(v => v.Status == ChildStatus.Child);
        bool ageUnknown = victims.Any(v => v.Status == ChildStatus.Unknown);
        bool childRule = false;
        TraffickingStatus status;

        if (victims.Count == 0)
        {
            warnings.Add(LegalText.NoVictimChildRuleUnchecked);
        }

        if (elements is { Act: true, Means: true, Purpose: true })
        {
            status = TraffickingStatus.ActualVictim;
            reasons.Add(Texts.Format(LegalText.AllElementsPresent, Codes(facts.Acts.Select(a => a.ToCode())), Codes(facts.Means.Select(m => m.ToCode())), Codes(facts.Purposes.Select(p => p.ToCode()))));
        }
        else if (elements is { Act: true, Purpose: true } && child)
        {
            status = TraffickingStatus.ActualVictim;
            childRule = true;
            reasons.Add(Texts.Format(LegalText.ChildRuleApplies, Codes(facts.Acts.Select(a => a.ToCode())), Codes(facts.Purposes.Select(p => p.ToCode()))));
        }
        else if (elements.Act || elements.Purpose)
        {
            status = TraffickingStatus.PossibleVictim;
            var missing = new List<string>();
            if (!elements.Act)
            {
                missing.Add(LegalText.MissingAct);
            }

            if (!elements.Purpose)
            {
                missing.Add(LegalText.MissingPurpose);
            }

            if (!elements.Means && !child)
            {
                missing.Add(LegalText.MissingMeans);
            }

            reasons.Add(Texts.Format(LegalText.SomeElementsMissing, string.Join("; ", missing)));
            if (!elements.Means && elements is { Act: true, Purpose: true } && ageUnknown)
            {
                warnings.Add(LegalText.AgeUnknownChildRule);
            }
        }
        else
        {
            status = TraffickingStatus.NotAVictim;
            reasons.Add(LegalText.NotAVictimOnFacts);
        }

        if (child && !childRule && status == TraffickingStatus.ActualVictim)
        {
            reasons.Add(LegalText.ChildPenaltyRaised);
        }

        if (facts.VictimConsented == true)
        {
            reasons.Add(LegalText.ConsentIrrelevant);
        }

        bool notPunishable = false;
        if (facts.VictimCommittedCoercedOffence == true)
        {
            if (status == TraffickingStatus.NotAVictim)
            {
                warnings.Add(LegalText.CoercedOffenceNoTrafficking);
            }
            else
            {
                notPunishable = true;
                reasons.Add(LegalText.CoercedOffenceNotPunishable);
            }
        }

        return new ElementTestResult(status, elements, childRule, child, notPunishable, reasons, warnings);
    }

    private static string Codes(IEnumerable<string> codes) => string.Join(", ", codes);
}
