using System.Globalization;
using NodaTime;
using TaskForce.Domain.Cases.History;
using TaskForce.Domain.Common;
using TaskForce.Domain.Legal;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Cases;

/// <summary>A correction of a case's header as sent by a client (ADR-017): each member given replaces the value on
/// file; a member left <see langword="null"/> is kept. The case id and the time the record was created are not
/// correctable (the id is the case's key; the creation time is a fact of the record, not of the report).</summary>
public sealed record HeaderCorrection
{
    /// <summary>Gets the corrected Kemendagri region code (e.g. <c>53.03</c>; <c>*</c> is not a region), or
    /// <see langword="null"/> to keep it. The case's facts move to the new region in the read model.</summary>
    public string? Region { get; init; }

    /// <summary>Gets the corrected case type code (<c>tppo</c>, <c>violence_against_women</c>,
    /// <c>violence_against_children</c>), or <see langword="null"/> to keep it.</summary>
    public string? CaseType { get; init; }

    /// <summary>Gets the corrected reporting agency, or <see langword="null"/> to keep it. The owning agency (who may
    /// see identity) does not change with it.</summary>
    public NewAgency? ReportingAgency { get; init; }

    /// <summary>Gets the corrected intake channel code (e.g. <c>walk_in</c>), or <see langword="null"/> to keep it.</summary>
    public string? IntakeChannel { get; init; }

    /// <summary>Gets the corrected time the report was received (UTC instant; not in the future), or
    /// <see langword="null"/> to keep it.</summary>
    public Instant? ReportedAt { get; init; }
}

/// <content>The amending operations of issue 13 (ADR-017): corrections of the header, the places, the elements, the
/// violence classification and the persons, and the removal of a person recorded by mistake. Each validates with the
/// intake rules before it changes anything, demands a reason when it replaces a value on file, and records its
/// change (<see cref="Track"/>).</content>
public sealed partial class CaseRecord
{
    private readonly List<PersonId> _retiredPersonIds = [];

    /// <summary>Corrects the header of the case (case type, intake channel, region, reporting agency, report time).</summary>
    /// <param name="input">The fields to correct; the others are kept. Cannot be <see langword="null"/>.</param>
    /// <param name="clock">The clock that says "now" (a report time is not in the future). Cannot be <see langword="null"/>.</param>
    /// <param name="zone">The district zone, for the business date of the report. Cannot be <see langword="null"/>.</param>
    /// <param name="context">Who, when, why. Cannot be <see langword="null"/>. A reason is required when a value changes.</param>
    /// <returns>The change (<see cref="CaseChangeKind.HeaderCorrected"/>); empty, and not recorded, when every value
    /// given is the one on file.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">A code is unknown or malformed (<c>region</c>, <c>case_type</c>,
    /// <c>reporting_agency.kind</c>, <c>reporting_agency.name</c>, <c>intake_channel</c>); <c>reported_at</c> is in the
    /// future, or its business date is before the offence date, or (while the offence date is unknown) before a
    /// victim's birth who is not marked unborn; <c>case_type</c> becomes <c>tppo</c> while a GBVIMS type is recorded
    /// (GBVIMS classifies violence incidents); a value changes without a reason (<c>reason</c>).</exception>
    public CaseChange CorrectHeader(HeaderCorrection input, IClock clock, DateTimeZone zone, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(context);
        var region = input.Region is null ? Region : CasePlaces.Region(input.Region, "region");
        var type = input.CaseType is null ? CaseType : CaseCodes.CaseTypes.Parse(input.CaseType, "case_type");
        var agency = input.ReportingAgency is null ? ReportingAgency : ReportingAgency.Create(input.ReportingAgency, "reporting_agency");
        var channel = input.IntakeChannel is null ? IntakeChannel : CaseCodes.Channels.Parse(input.IntakeChannel, "intake_channel");
        Instant reportedAt = input.ReportedAt ?? ReportedAt;
        Instant now = clock.GetCurrentInstant();
        if (input.ReportedAt is { } corrected && corrected > now)
        {
            throw new DomainValidationException("reported_at", Texts.Format(CasesText.ReportedAtInFuture, corrected, now));
        }

        LocalDate reportedOn = DistrictTime.BusinessDate(reportedAt, zone);
        if (OffenceDate is { } offence && offence > reportedOn)
        {
            throw new DomainValidationException("reported_at", Texts.Format(CasesText.ReportDateBeforeOffenceDate, reportedOn.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), offence.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (OffenceDate is null)
        {
            // The act is not dated: the report date bounds it, so a birth after the report needs "unborn" (as intake).
            for (int i = 0; i < _victims.Count; i++)
            {
                var v = _victims[i];
                ChildAge.Assess(v.BirthDate, v.BirthDate is null ? v.AgeAtOffence : null, v.Unborn, reportedOn, $"victims[{i}]");
            }
        }

        if (type == CaseType.Tppo && GbvType is not null)
        {
            throw new DomainValidationException("case_type", CasesText.TppoCannotKeepGbvType);
        }

        return Amend(CaseChangeKind.HeaderCorrected, null, context, () =>
        {
            Region = region;
            CaseType = type;
            ReportingAgency = agency;
            IntakeChannel = channel;
            ReportedAt = reportedAt;
            ReportedOn = reportedOn;
        });
    }

    /// <summary>Records or corrects the places (see <see cref="RecordPlaces(NewPlaces)"/>), with its history.</summary>
    /// <param name="input">The places, replacing earlier ones. Cannot be <see langword="null"/>.</param>
    /// <param name="context">Who, when, why. Cannot be <see langword="null"/>. A reason is required when a value on file changes.</param>
    /// <returns>The change (<see cref="CaseChangeKind.PlacesRecorded"/>); empty when nothing changed.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">A place is malformed (<c>places.…</c>, see <see cref="CasePlaces.Create"/>);
    /// a value on file changes without a reason (<c>reason</c>).</exception>
    public CaseChange RecordPlaces(NewPlaces input, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        var places = CasePlaces.Create(input, "places");
        return Amend(CaseChangeKind.PlacesRecorded, null, context, () => Places = places);
    }

    /// <summary>Records or corrects the trafficking elements (see <see cref="RecordTraffickingElements(NewTraffickingElements)"/>),
    /// with its history.</summary>
    /// <param name="input">The elements, replacing earlier ones. Cannot be <see langword="null"/>.</param>
    /// <param name="context">Who, when, why. Cannot be <see langword="null"/>. A reason is required when a value on file changes.</param>
    /// <returns>The change (<see cref="CaseChangeKind.ElementsRecorded"/>); empty when nothing changed.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">A code is unknown (e.g. <c>elements.acts[1]</c>); a value on file
    /// changes without a reason (<c>reason</c>).</exception>
    public CaseChange RecordTraffickingElements(NewTraffickingElements input, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        var facts = TraffickingFacts.Parse(input.Acts, input.Means, input.Purposes, input.Harms, input.ExploitationOccurred, input.VictimConsented, input.VictimCommittedCoercedOffence, "elements.");
        return Amend(CaseChangeKind.ElementsRecorded, null, context, () => Elements = facts);
    }

    /// <summary>Records or corrects the SIMFONI-PPA forms of violence (see <see cref="RecordSimfoniForms(IReadOnlyList{string})"/>),
    /// with its history.</summary>
    /// <param name="forms">At least one form code (e.g. <c>fisik</c>), replacing earlier ones.</param>
    /// <param name="context">Who, when, why. Cannot be <see langword="null"/>. A reason is required when forms on file change.</param>
    /// <returns>The change (<see cref="CaseChangeKind.ViolenceClassified"/>); empty when nothing changed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">No form is given or a code is unknown (<c>simfoni_forms[i]</c>);
    /// forms on file change without a reason (<c>reason</c>).</exception>
    public CaseChange RecordSimfoniForms(IReadOnlyList<string>? forms, ChangeContext context)
    {
        var parsed = CaseCodes.SimfoniForms.ParseList(forms, "simfoni_forms");
        if (parsed.Count == 0)
        {
            throw new DomainValidationException("simfoni_forms", CasesText.ViolenceFormRequired);
        }

        return Amend(CaseChangeKind.ViolenceClassified, null, context, () => _simfoniForms = [.. parsed]);
    }

    /// <summary>Classifies or reclassifies a violence case with the GBVIMS tool (see <see cref="ClassifyViolence(NewGbvAnswers)"/>),
    /// with its history.</summary>
    /// <param name="answers">The tool's answers. Cannot be <see langword="null"/>.</param>
    /// <param name="context">Who, when, why. Cannot be <see langword="null"/>. A reason is required when a type on file changes.</param>
    /// <returns>The change (<see cref="CaseChangeKind.ViolenceClassified"/>); empty when the type is the one on file.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The case is a TPPO case (<c>case_type</c>); an answer the decision
    /// order needs is missing (<c>gbv_answers.…</c>); a type on file changes without a reason (<c>reason</c>).</exception>
    public CaseChange ClassifyViolence(NewGbvAnswers answers, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (CaseType == CaseType.Tppo)
        {
            throw new DomainValidationException("case_type", CasesText.GbvOnlyForViolenceCases);
        }

        var type = GbvClassifier.Classify(answers, "gbv_answers");
        return Amend(CaseChangeKind.ViolenceClassified, null, context, () => GbvType = type);
    }

    /// <summary>Corrects or completes a victim: every field is replaced by the one given (wire codes), validated as
    /// intake validates a victim (<see cref="AddVictim(NewVictim)"/>): the age at the act is recomputed from a birth
    /// date against the offence date, and a NIK that disagrees with the sex or the birth date is refused.</summary>
    /// <param name="id">The victim's id (e.g. <c>victim-2</c>). Cannot be <see langword="null"/>.</param>
    /// <param name="input">The victim's values, all of them. Cannot be <see langword="null"/>.</param>
    /// <param name="context">Who, when, why. Cannot be <see langword="null"/>. A reason is required when a value on file changes.</param>
    /// <returns>The change (<see cref="CaseChangeKind.PersonCorrected"/>, naming the person); empty when nothing changed.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The case has no such victim (<c>person_id</c>); a value breaks an
    /// intake rule (<c>victim.sex</c>, <c>victim.birth_date</c>, <c>victim.age_at_offence</c>,
    /// <c>victim.identity.national_id_number</c>, ...); a value on file changes without a reason (<c>reason</c>).</exception>
    public CaseChange CorrectVictim(PersonId id, NewVictim input, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        int i = IndexOf(_victims, v => v.Id, id, "victim");
        var victim = BuildVictim(_victims[i].Id, input, "victim");
        return Amend(CaseChangeKind.PersonCorrected, victim.Id, context, () => _victims[i] = victim);
    }

    /// <summary>Corrects or completes a suspect: every field is replaced by the one given, validated as intake
    /// validates a suspect (<see cref="AddSuspect(NewSuspect)"/>).</summary>
    /// <param name="id">The suspect's id (e.g. <c>suspect-1</c>). Cannot be <see langword="null"/>.</param>
    /// <param name="input">The suspect's values, all of them. Cannot be <see langword="null"/>.</param>
    /// <param name="context">Who, when, why. Cannot be <see langword="null"/>. A reason is required when a value on file changes.</param>
    /// <returns>The change (<see cref="CaseChangeKind.PersonCorrected"/>); empty when nothing changed.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The case has no such suspect (<c>person_id</c>); a value breaks an
    /// intake rule (<c>suspect.roles</c>, <c>suspect.sex</c>, <c>suspect.identity.national_id_number</c>, ...); a value
    /// on file changes without a reason (<c>reason</c>).</exception>
    public CaseChange CorrectSuspect(PersonId id, NewSuspect input, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        int i = IndexOf(_suspects, s => s.Id, id, "suspect");
        var suspect = BuildSuspect(_suspects[i].Id, input, "suspect");
        return Amend(CaseChangeKind.PersonCorrected, suspect.Id, context, () => _suspects[i] = suspect);
    }

    /// <summary>Corrects or completes a witness: every field is replaced by the one given, validated as intake
    /// validates a witness (<see cref="AddWitness(NewWitness)"/>).</summary>
    /// <param name="id">The witness's id (e.g. <c>witness-1</c>). Cannot be <see langword="null"/>.</param>
    /// <param name="input">The witness's values, all of them. Cannot be <see langword="null"/>.</param>
    /// <param name="context">Who, when, why. Cannot be <see langword="null"/>. A reason is required when a value on file changes.</param>
    /// <returns>The change (<see cref="CaseChangeKind.PersonCorrected"/>); empty when nothing changed.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The case has no such witness (<c>person_id</c>); an identity value
    /// is malformed (<c>witness.identity.…</c>); a value on file changes without a reason (<c>reason</c>).</exception>
    public CaseChange CorrectWitness(PersonId id, NewWitness input, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        int i = IndexOf(_witnesses, w => w.Id, id, "witness");
        var witness = BuildWitness(_witnesses[i].Id, input, "witness");
        return Amend(CaseChangeKind.PersonCorrected, witness.Id, context, () => _witnesses[i] = witness);
    }

    /// <summary>Removes a person recorded by mistake (a duplicate, a person who turned out not to be part of the case).
    /// The id is retired and never given again, so the history's references stay unambiguous.</summary>
    /// <param name="id">The person's id (<c>victim-N</c>, <c>suspect-N</c> or <c>witness-N</c>). Cannot be <see langword="null"/>.</param>
    /// <param name="context">Who, when, why. Cannot be <see langword="null"/>; the reason is required.</param>
    /// <returns>The change (<see cref="CaseChangeKind.PersonRemoved"/>): the person's fields, old values only (identity
    /// values are stored encrypted, ADR-016).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The case has no person with the id (<c>person_id</c>); no reason
    /// is given (<c>reason</c>).</exception>
    public CaseChange RemovePerson(PersonId id, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(context);
        Action remove = id.Value.StartsWith("victim-", StringComparison.Ordinal) ? RemoverOf(_victims, v => v.Id, id, "victim")
            : id.Value.StartsWith("suspect-", StringComparison.Ordinal) ? RemoverOf(_suspects, s => s.Id, id, "suspect")
            : id.Value.StartsWith("witness-", StringComparison.Ordinal) ? RemoverOf(_witnesses, w => w.Id, id, "witness")
            : throw new DomainValidationException("person_id", Texts.Format(CasesText.PersonIdInvalid, id.Value));
        context.RequireReason();
        return Track(CaseChangeKind.PersonRemoved, id, context, () =>
        {
            remove();
            _retiredPersonIds.Add(id);
        });
    }

    /// <summary>Runs an amending operation (validated before): when no reason is given, it is first tried and undone
    /// to see whether it replaces a value on file, which demands one; then it is applied and recorded.</summary>
    private CaseChange Amend(CaseChangeKind kind, PersonId? personId, ChangeContext context, Action apply)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Reason is null)
        {
            var saved = Save();
            var before = ToState();
            apply();
            bool replaces = CaseStateDiff.Compare(before, ToState()).Any(f => f.OldJson is not null);
            Load(saved);
            if (replaces)
            {
                context.RequireReason();
            }
        }

        return Track(kind, personId, context, apply);
    }

    private static Action RemoverOf<T>(List<T> people, Func<T, PersonId> idOf, PersonId id, string role)
    {
        int i = IndexOf(people, idOf, id, role);
        return () => people.RemoveAt(i);
    }

    private static int IndexOf<T>(List<T> people, Func<T, PersonId> idOf, PersonId id, string role)
    {
        ArgumentNullException.ThrowIfNull(id);
        int i = people.FindIndex(p => idOf(p) == id);
        return i >= 0 ? i : throw new DomainValidationException("person_id", Texts.Format(CasesText.CaseHasNoPersonOfRole, role, id.Value));
    }

    /// <summary>The next id of a role: one more than the highest number given so far, live or retired.</summary>
    private PersonId NextPersonId(string prefix, IEnumerable<PersonId> live)
    {
        int highest = live.Concat(_retiredPersonIds).Select(p => PersonNumber(p.Value, prefix)).DefaultIfEmpty(0).Max();
        return new PersonId($"{prefix}-{Math.Max(highest, 0) + 1}");
    }

    /// <summary>The N of <c>{prefix}-N</c> (N ≥ 1, no leading zero), or -1 for another role or a malformed id.</summary>
    private static int PersonNumber(string? id, string prefix)
    {
        if (id is null || !id.StartsWith(prefix + "-", StringComparison.Ordinal))
        {
            return -1;
        }

        string digits = id[(prefix.Length + 1)..];
        return digits.Length is > 0 and <= 6 && digits[0] != '0' && digits.All(char.IsAsciiDigit)
            ? int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture)
            : -1;
    }

    private static List<PersonId> RestoreRetired(IReadOnlyList<string>? ids)
    {
        var retired = new List<PersonId>();
        for (int i = 0; i < (ids?.Count ?? 0); i++)
        {
            string? id = ids![i];
            bool valid = PersonNumber(id, "victim") > 0 || PersonNumber(id, "suspect") > 0 || PersonNumber(id, "witness") > 0;
            if (!valid || retired.Any(r => r.Value == id))
            {
                throw new DomainValidationException($"retired_person_ids[{i}]", Texts.Format(CasesText.RetiredPersonIdInvalid, id));
            }

            retired.Add(new PersonId(id!));
        }

        return retired;
    }

    private Memento Save() => new(Region, CaseType, ReportingAgency, IntakeChannel, ReportedAt, ReportedOn, OffenceDate, [.. _victims], [.. _suspects], [.. _witnesses], Elements, Places, GbvType, [.. _simfoniForms], SpdpSentOn);

    private void Load(Memento m)
    {
        (Region, CaseType, ReportingAgency, IntakeChannel, ReportedAt, ReportedOn, OffenceDate) = (m.Region, m.CaseType, m.Agency, m.Channel, m.ReportedAt, m.ReportedOn, m.OffenceDate);
        _victims.Clear();
        _victims.AddRange(m.Victims);
        _suspects.Clear();
        _suspects.AddRange(m.Suspects);
        _witnesses.Clear();
        _witnesses.AddRange(m.Witnesses);
        (Elements, Places, GbvType, _simfoniForms, SpdpSentOn) = (m.Elements, m.Places, m.GbvType, [.. m.Forms], m.SpdpSentOn);
    }

    /// <summary>The values an amending operation may change, kept to undo a trial run.</summary>
    private sealed record Memento(
        RegionCode Region, CaseType CaseType, ReportingAgency Agency, IntakeChannel Channel, Instant ReportedAt, LocalDate ReportedOn, LocalDate? OffenceDate,
        List<Victim> Victims, List<Suspect> Suspects, List<Witness> Witnesses, TraffickingFacts Elements, CasePlaces Places, GbvType? GbvType, List<SimfoniViolenceForm> Forms, LocalDate? SpdpSentOn);
}
