using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.Detention;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Cases;

/// <summary>A detention period to record on a suspect of a stored case (ADR-024): the order's stage, its first day,
/// its length and where the suspect is held. The last day is not sent: it is the first day plus the days less one
/// (KUHAP counting, the first day is day 1).</summary>
public sealed record NewDetentionPeriod
{
    /// <summary>Gets the stage code of the order (<see cref="DetentionStages.Codes"/>, e.g. <c>penyidik</c>,
    /// <c>penyidik_perpanjangan</c> for the prosecutor's extension of KUHAP Pasal 24(2), <c>penuntut_umum</c>,
    /// <c>penuntut_umum_perpanjangan</c> for the court chair's extension of Pasal 25(2), <c>hakim_pn</c>). Required.</summary>
    public string? Stage { get; init; }

    /// <summary>Gets the first day of the order (district business date). Required; at most <see cref="SuspectDetentions.RecordAheadDays"/> days after today.</summary>
    public LocalDate? From { get; init; }

    /// <summary>Gets the length of the order in days, counted with the first day as day 1. Required; at least 1 and
    /// at most the stage's limit (KUHAP Pasal 24–29).</summary>
    public int? Days { get; init; }

    /// <summary>Gets where the suspect is held: <c>rutan</c> (the default), <c>tahanan_rumah</c> or
    /// <c>tahanan_kota</c> (KUHAP Pasal 22(1)); house and city arrest still count against the stage's limit.</summary>
    public string? DetentionType { get; init; }
}

/// <summary>One recorded detention period of a suspect, in wire codes (part of <see cref="SuspectDetentionState"/>).</summary>
public sealed record DetentionPeriodState
{
    /// <summary>Gets the stage code (<see cref="DetentionStages.Codes"/>).</summary>
    public string? Stage { get; init; }

    /// <summary>Gets the first day (district business date).</summary>
    public LocalDate? From { get; init; }

    /// <summary>Gets the length in days, the first day being day 1.</summary>
    public int? Days { get; init; }

    /// <summary>Gets <c>rutan</c>, <c>tahanan_rumah</c> or <c>tahanan_kota</c>.</summary>
    public string? DetentionType { get; init; }
}

/// <summary>A suspect's arrest and detention periods as recorded on the case, in wire codes (part of
/// <see cref="CaseRecordState.SuspectDetentions"/>). Facts of the criminal procedure, tied to a person id only: no
/// identity value.</summary>
public sealed record SuspectDetentionState
{
    /// <summary>Gets when the suspect was arrested (penangkapan, KUHAP Pasal 16–19; UTC instant), or
    /// <see langword="null"/> when not recorded.</summary>
    public Instant? ArrestedAt { get; init; }

    /// <summary>Gets the detention periods, ordered by first day (then stage order).</summary>
    public IReadOnlyList<DetentionPeriodState> Periods { get; init; } = [];
}

/// <summary>Reads a suspect's recorded detention with the detention ledger (<see cref="DetentionLedger"/>, ADR-005):
/// the one place the KUHAP limits and the release date by law are computed, for the amendment's checks, the case
/// document and the daily alerts alike.</summary>
public static class SuspectDetentions
{
    /// <summary>The days before the release date by law from which the daily run warns (the ledger's default; a
    /// project choice, not a legal rule).</summary>
    public const int WarningDays = 7;

    /// <summary>How many days after today a recorded order may start: an extension is ordered before the period it
    /// extends ends (KUHAP Pasal 24(2), 25(2)), so it is recorded ahead; further ahead is taken as a typing error (a
    /// project choice, not a legal rule).</summary>
    public const int RecordAheadDays = 7;

    /// <summary>Checks a suspect's recorded detention with the ledger.</summary>
    /// <param name="state">The recorded arrest and periods. Cannot be <see langword="null"/>.</param>
    /// <param name="offenceDate">The case's offence date, if known (a detention cannot start before it).</param>
    /// <param name="zone">The district zone, for the business date of the arrest. Cannot be <see langword="null"/>.</param>
    /// <param name="asOf">The business date of the release warnings, or <see langword="null"/> for none.</param>
    /// <returns>The ledger's result: per period its last day, limit and legal basis; problems; the release date by
    /// law (<see cref="DetentionCheckResult.ReleaseByLaw"/>); warnings with <see cref="WarningDays"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">A stored stage or detention type is not a known code (field
    /// <c>periods[i].stage</c> or <c>periods[i].detention_type</c>).</exception>
    public static DetentionCheckResult Check(SuspectDetentionState state, LocalDate? offenceDate, DateTimeZone zone, LocalDate? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(zone);
        return DetentionLedger.Check(ToRequest(state, offenceDate, zone), asOf);
    }

    /// <summary>Builds the ledger's request of a suspect's recorded detention (no Pasal 29 article: the case does not
    /// record the article suspected, so Pasal 29 periods are checked with the ledger's warning).</summary>
    internal static DetentionCheckRequest ToRequest(SuspectDetentionState state, LocalDate? offenceDate, DateTimeZone zone) => new()
    {
        OffenceDate = offenceDate,
        ArrestDate = state.ArrestedAt is { } at ? DistrictTime.BusinessDate(at, zone) : null,
        Periods = [.. state.Periods.Select((p, i) => ToInput(p, $"periods[{i}]"))],
        WarningDays = WarningDays,
    };

    /// <summary>The ledger's input of a recorded period: its last day is the first plus the days less one.</summary>
    internal static DetentionPeriodInput ToInput(DetentionPeriodState p, string field)
    {
        var stage = DetentionStages.Parse(p.Stage, $"{field}.stage");
        LocalDate? to = p.From is { } from && p.Days is { } days ? from.PlusDays(days - 1) : null;
        return new DetentionPeriodInput(stage, p.From, to, null, ParseType(p.DetentionType, $"{field}.detention_type"));
    }

    /// <summary>Parses a detention type code; <see langword="null"/> is <c>rutan</c>.</summary>
    internal static DetentionType ParseType(string? code, string field) => code switch
    {
        null or "rutan" => DetentionType.Rutan,
        "tahanan_rumah" => DetentionType.TahananRumah,
        "tahanan_kota" => DetentionType.TahananKota,
        _ => throw new DomainValidationException(field, Texts.Format(CasesText.DetentionTypeInvalid, code)),
    };
}
