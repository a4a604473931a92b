using NodaTime;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Detention;

namespace TaskForce.Application.Cases;

/// <summary>One recorded detention period as shown, with what the detention ledger makes of it.</summary>
/// <param name="Stage">The stage code (e.g. <c>penyidik</c>).</param>
/// <param name="From">The first day (district business date).</param>
/// <param name="To">The last day: <paramref name="From"/> plus <paramref name="Days"/> less one.</param>
/// <param name="Days">The length in days, the first day being day 1.</param>
/// <param name="DetentionType"><c>rutan</c>, <c>tahanan_rumah</c> or <c>tahanan_kota</c>.</param>
/// <param name="LimitDays">The stage's legal maximum under the period's regime, or <see langword="null"/>.</param>
/// <param name="LegalBasis">The article of the stage (e.g. <c>KUHAP Pasal 24(1)</c>), or <see langword="null"/>.</param>
/// <param name="Regime"><c>KUHAP-1981</c> or <c>KUHAP-2025</c> (unconfirmed limits), by the start date.</param>
/// <param name="Problems">The ledger's problem codes of the period (e.g. <c>gap</c>).</param>
public sealed record DetentionPeriodView(string Stage, LocalDate From, LocalDate To, int Days, string DetentionType, int? LimitDays, string? LegalBasis, string? Regime, IReadOnlyList<string> Problems);

/// <summary>A suspect's arrest and detention as shown on <c>GET /cases/{id}</c> (ADR-024): no identity value.</summary>
/// <param name="ArrestedAt">When the suspect was arrested (UTC instant), or <see langword="null"/> when not recorded.</param>
/// <param name="Periods">The recorded periods, by first day.</param>
/// <param name="ReleaseByLaw">The last lawful day of the current detention (the ledger's release date by law: the end of
/// the latest order, or the last day its limit allows), or <see langword="null"/> when no period is recorded or detention
/// is suspended.</param>
/// <param name="Problems">The ledger's problem codes over the chain (e.g. <c>gap</c>, <c>detention_before_offence</c>
/// after a later offence-date correction).</param>
/// <param name="Warnings">The ledger's warning codes (e.g. <c>regime_unconfirmed</c>, <c>pasal29_grounds_unknown</c>).</param>
public sealed record SuspectDetentionView(Instant? ArrestedAt, IReadOnlyList<DetentionPeriodView> Periods, LocalDate? ReleaseByLaw, IReadOnlyList<string> Problems, IReadOnlyList<string> Warnings)
{
    /// <summary>Builds the view of a suspect's detention.</summary>
    /// <param name="record">The case. Cannot be <see langword="null"/>.</param>
    /// <param name="suspect">The suspect. Cannot be <see langword="null"/>.</param>
    /// <returns>The view, or <see langword="null"/> when nothing is recorded for the suspect.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static SuspectDetentionView? From(CaseRecord record, PersonId suspect)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(suspect);
        if (record.DetentionOf(suspect) is not { } state || record.CheckDetention(suspect) is not { } result)
        {
            return null;
        }

        var periods = state.Periods.Select((p, i) => new DetentionPeriodView(
            p.Stage!, p.From!.Value, p.From.Value.PlusDays(p.Days!.Value - 1), p.Days.Value, p.DetentionType ?? DetentionType.Rutan.ToCode(),
            result.Periods[i].LimitDays, result.Periods[i].LegalBasis, result.Periods[i].Regime, result.Periods[i].Problems)).ToList();
        return new SuspectDetentionView(state.ArrestedAt, periods, result.ReleaseByLaw,
            [.. result.Problems.Select(p => p.Code).Distinct()], [.. result.Warnings.Select(w => w.Code).Distinct()]);
    }
}
