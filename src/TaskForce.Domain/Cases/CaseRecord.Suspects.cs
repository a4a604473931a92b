using System.Globalization;
using NodaTime;
using TaskForce.Domain.Cases.History;
using TaskForce.Domain.Common;
using TaskForce.Domain.Detention;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Cases;

/// <content>A suspect's arrest and detention periods recorded on the case (issue 13, ADR-024), checked by the detention
/// ledger's rules (<see cref="DetentionLedger"/>, KUHAP Pasal 19–29) and recorded with their history
/// (<see cref="CaseChangeKind.DetentionRecorded"/>).</content>
public sealed partial class CaseRecord
{
    /// <summary>The ledger's problem codes that refuse a recording (the others, e.g. <c>gap</c>, are reported, not
    /// refused: a suspect released and detained again at the next stage leaves a lawful gap).</summary>
    private static readonly string[] RefusingProblems = ["over_limit", "overlap_within_level", "arrest_after_detention_start", "detention_before_offence", "pasal29_grounds_not_shown"];

    private readonly Dictionary<PersonId, SuspectDetentionState> _suspectDetentions = [];

    /// <summary>Returns a suspect's recorded arrest and detention periods.</summary>
    /// <param name="suspect">The suspect's id, e.g. <c>suspect-1</c>. Cannot be <see langword="null"/>.</param>
    /// <returns>The record, or <see langword="null"/> when neither an arrest nor a period is recorded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="suspect"/> is <see langword="null"/>.</exception>
    public SuspectDetentionState? DetentionOf(PersonId suspect)
    {
        ArgumentNullException.ThrowIfNull(suspect);
        return _suspectDetentions.GetValueOrDefault(suspect);
    }

    /// <summary>Checks a suspect's recorded detention with the ledger (<see cref="SuspectDetentions.Check"/>).</summary>
    /// <param name="suspect">The suspect's id. Cannot be <see langword="null"/>.</param>
    /// <param name="asOf">The business date of the release warnings, or <see langword="null"/> for none.</param>
    /// <returns>The ledger's result, or <see langword="null"/> when nothing is recorded for the suspect.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="suspect"/> is <see langword="null"/>.</exception>
    public DetentionCheckResult? CheckDetention(PersonId suspect, LocalDate? asOf = null) =>
        DetentionOf(suspect) is { } state ? SuspectDetentions.Check(state, OffenceDate, _zone, asOf) : null;

    /// <summary>Records or corrects a suspect's arrest (penangkapan), with its history.</summary>
    /// <param name="suspect">The suspect's id. Cannot be <see langword="null"/>.</param>
    /// <param name="arrestedAt">When the suspect was arrested (UTC instant; its business date in the district zone is
    /// the arrest date the ledger checks).</param>
    /// <param name="clock">The clock that says "now". Cannot be <see langword="null"/>.</param>
    /// <param name="context">Who, when, why. Cannot be <see langword="null"/>. A reason is required to replace an
    /// arrest on file.</param>
    /// <returns>The change (<see cref="CaseChangeKind.DetentionRecorded"/>, naming the suspect); empty when the same
    /// arrest is on file.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The case has no such suspect (<c>person_id</c>); the arrest is in
    /// the future or after the first recorded detention starts (ledger problem <c>arrest_after_detention_start</c>;
    /// <c>arrested_at</c>); an arrest on file is replaced without a reason (<c>reason</c>).</exception>
    public CaseChange RecordArrest(PersonId suspect, Instant arrestedAt, IClock clock, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(suspect);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(context);
        var s = _suspects[IndexOf(_suspects, x => x.Id, suspect, "suspect")];
        Instant now = clock.GetCurrentInstant();
        if (arrestedAt > now)
        {
            throw new DomainValidationException("arrested_at", Texts.Format(CasesText.ArrestedAtInFuture, arrestedAt, now));
        }

        var before = DetentionOf(s.Id) ?? new SuspectDetentionState();
        var after = before with { ArrestedAt = arrestedAt };
        Refuse(before, after, "arrested_at", null);
        if (before.ArrestedAt is { } earlier && earlier != arrestedAt)
        {
            context.RequireReason();
        }

        return Track(CaseChangeKind.DetentionRecorded, s.Id, context, () => _suspectDetentions[s.Id] = after);
    }

    /// <summary>Records a suspect's detention period (penahanan), or corrects the one on file for the same stage, with
    /// its history. The chain with the new period must pass the ledger's rules: the stage's limit (KUHAP Pasal 24–28,
    /// 29 under its regime), no overlap with another order of the same level, no start before the arrest or the
    /// offence.</summary>
    /// <param name="suspect">The suspect's id. Cannot be <see langword="null"/>.</param>
    /// <param name="input">The period. Cannot be <see langword="null"/>.</param>
    /// <param name="clock">The clock that says "today" (district zone). Cannot be <see langword="null"/>.</param>
    /// <param name="context">Who, when, why. Cannot be <see langword="null"/>. A reason is required to replace a
    /// period on file (same stage, other values).</param>
    /// <returns>The change (<see cref="CaseChangeKind.DetentionRecorded"/>); empty when the same period is on file.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The case has no such suspect (<c>person_id</c>); the stage is
    /// missing or unknown (<c>stage</c>); the first day is missing or more than <see cref="SuspectDetentions.RecordAheadDays"/> days after today (<c>from</c>); the days are missing,
    /// below 1 or above the stage's limit (ledger problem <c>over_limit</c>; <c>days</c>); the detention type is unknown
    /// (<c>detention_type</c>); the period overlaps another order of the same level, starts before the arrest or
    /// before the offence date (ledger problems <c>overlap_within_level</c>, <c>arrest_after_detention_start</c>,
    /// <c>detention_before_offence</c>; <c>from</c>); a period on file is replaced without a reason (<c>reason</c>).</exception>
    public CaseChange RecordDetention(PersonId suspect, NewDetentionPeriod input, IClock clock, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(suspect);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(context);
        var s = _suspects[IndexOf(_suspects, x => x.Id, suspect, "suspect")];
        var stage = input.Stage is null ? throw new DomainValidationException("stage", CasesText.DetentionStageRequired) : DetentionStages.Parse(input.Stage, "stage");
        LocalDate from = input.From ?? throw new DomainValidationException("from", CasesText.DetentionFromRequired);
        int days = input.Days ?? throw new DomainValidationException("days", CasesText.DetentionDaysRequired);
        if (days < 1)
        {
            throw new DomainValidationException("days", Texts.Format(CasesText.DetentionDaysTooFew, days));
        }

        var type = SuspectDetentions.ParseType(input.DetentionType, "detention_type");
        LocalDate today = DistrictTime.Today(clock, _zone);
        if (from > today.PlusDays(SuspectDetentions.RecordAheadDays))
        {
            throw new DomainValidationException("from", Texts.Format(CasesText.DetentionStartsTooFarAhead, from.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), SuspectDetentions.RecordAheadDays, today.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)));
        }

        var period = new DetentionPeriodState { Stage = stage.ToCode(), From = from, Days = days, DetentionType = type.ToCode() };
        var before = DetentionOf(s.Id) ?? new SuspectDetentionState();
        var replaced = before.Periods.FirstOrDefault(p => p.Stage == period.Stage);
        var after = before with
        {
            Periods = [.. before.Periods.Where(p => p.Stage != period.Stage).Append(period)
                .OrderBy(p => p.From).ThenBy(p => DetentionStages.Parse(p.Stage))],
        };
        Refuse(before, after, "from", period.Stage);
        if (replaced is not null && replaced != period)
        {
            context.RequireReason();
        }

        return Track(CaseChangeKind.DetentionRecorded, s.Id, context, () => _suspectDetentions[s.Id] = after);
    }

    /// <summary>Refuses a recording when the ledger finds a refusing problem in the chain after it that the chain
    /// before did not have (problems are matched by code and the stage of their period).</summary>
    private void Refuse(SuspectDetentionState before, SuspectDetentionState after, string field, string? stage)
    {
        static IEnumerable<(string Code, string? Stage, string Message)> Refusing(SuspectDetentionState chain, DetentionCheckResult result) =>
            result.Problems.Where(p => RefusingProblems.Contains(p.Code))
                .Select(p => (p.Code, p.PeriodIndex is { } i ? chain.Periods[i].Stage : null, p.Message));

        var earlier = Refusing(before, SuspectDetentions.Check(before, OffenceDate, _zone)).Select(p => (p.Code, p.Stage)).ToHashSet();
        var found = Refusing(after, SuspectDetentions.Check(after, OffenceDate, _zone)).FirstOrDefault(p => !earlier.Contains((p.Code, p.Stage)));
        if (found.Code is null)
        {
            return;
        }

        string named = found.Code == "over_limit" && found.Stage == stage ? "days" : found.Code == "pasal29_grounds_not_shown" ? "stage" : field;
        throw new DomainValidationException(named, Texts.Format(CasesText.RefusedByDetentionLedger, found.Code, found.Message));
    }

    /// <summary>The suspects' detention records in stored form, in suspect order (suspects without one are absent).</summary>
    private List<PersonState<SuspectDetentionState>>? SuspectDetentionStates()
    {
        var list = _suspects.Where(s => _suspectDetentions.ContainsKey(s.Id)).Select(s => new PersonState<SuspectDetentionState>(s.Id.Value, _suspectDetentions[s.Id])).ToList();
        return list.Count == 0 ? null : list;
    }

    /// <summary>Restores the suspects' detention records, each parsed again with the ledger's codes.</summary>
    private void RestoreDetentions(IReadOnlyList<PersonState<SuspectDetentionState>>? stored)
    {
        for (int i = 0; i < (stored?.Count ?? 0); i++)
        {
            string field = $"suspect_detentions[{i}]";
            var p = stored![i] ?? throw new DomainValidationException(field, CasesText.StoredDetentionNull);
            var id = new PersonId(p.Id);
            if (!_suspects.Any(s => s.Id == id) || _suspectDetentions.ContainsKey(id))
            {
                throw new DomainValidationException($"{field}.id", Texts.Format(CasesText.StoredDetentionNotASuspect, p.Id));
            }

            var state = p.Person ?? throw new DomainValidationException(field, CasesText.StoredDetentionNoValues);
            for (int k = 0; k < state.Periods.Count; k++)
            {
                var period = state.Periods[k] ?? throw new DomainValidationException($"{field}.periods[{k}]", CasesText.StoredPeriodNull);
                if (period.From is null || period.Days is not >= 1)
                {
                    throw new DomainValidationException($"{field}.periods[{k}]", CasesText.StoredPeriodIncomplete);
                }

                SuspectDetentions.ToInput(period, $"{field}.periods[{k}]");
            }

            _suspectDetentions[id] = state with { Periods = [.. state.Periods] };
        }
    }
}
