using System.Globalization;
using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Legal;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Cases;

/// <summary>
/// A case handled by a district service: a trafficking (TPPO) case, or a case of violence against women or children.
/// The aggregate root of the case records: its persons, trafficking elements, places, consent and, for violence
/// cases, the GBVIMS and SIMFONI-PPA classifications.
/// </summary>
/// <remarks>
/// <para>Every change goes through a named method that validates its input and either applies it or throws
/// <see cref="DomainValidationException"/> naming the wire field; nothing is half-applied. Inputs use the wire codes
/// (<see cref="CaseHeader"/>, <see cref="NewVictim"/>, ...), so adapters only deserialize.</para>
/// <para>Identity (names, NIK, addresses, phones, exact birth dates) is confined to members marked
/// <see cref="IdentifyingAttribute"/> and listed in <see cref="IdentityFields"/> (UU 21/2007 Pasal 44).</para>
/// <para>Time: <see cref="ReportedAt"/> and <see cref="CreatedAt"/> are instants; <see cref="OffenceDate"/> is a
/// business date in the district zone (default <c>Asia/Makassar</c>, <see cref="DistrictTime"/>), checked against
/// "today" from the injected clock.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: one request changes one instance.</threadsafety>
public sealed partial class CaseRecord
{
    /// <summary>The most persons of one role (victims, suspects, witnesses) in one case.</summary>
    public const int MaxPersonsPerRole = 500;

    private readonly List<Victim> _victims = [];
    private readonly List<Suspect> _suspects = [];
    private readonly List<Witness> _witnesses = [];
    private List<SimfoniViolenceForm> _simfoniForms = [];

    /// <summary>The district zone the case was opened or restored with (business dates).</summary>
    private readonly DateTimeZone _zone;

    private CaseRecord(CaseId id, RegionCode region, CaseType caseType, ReportingAgency agency, IntakeChannel channel, Instant reportedAt, LocalDate reportedOn, LocalDate? offenceDate, Instant createdAt, DateTimeZone zone)
    {
        _zone = zone;
        Id = id;
        Region = region;
        CaseType = caseType;
        ReportingAgency = agency;
        IntakeChannel = channel;
        ReportedAt = reportedAt;
        ReportedOn = reportedOn;
        OffenceDate = offenceDate;
        CreatedAt = createdAt;
    }

    /// <summary>Gets the case id.</summary>
    public CaseId Id { get; }

    /// <summary>Gets the Kemendagri region of the case (never <c>*</c>).</summary>
    public RegionCode Region { get; private set; }

    /// <summary>Gets the case type.</summary>
    public CaseType CaseType { get; private set; }

    /// <summary>Gets the agency that reported or holds the case.</summary>
    public ReportingAgency ReportingAgency { get; private set; }

    /// <summary>Gets how the report arrived.</summary>
    public IntakeChannel IntakeChannel { get; private set; }

    /// <summary>Gets when the report was received (UTC).</summary>
    public Instant ReportedAt { get; private set; }

    /// <summary>Gets the business date of the report in the district zone.</summary>
    public LocalDate ReportedOn { get; private set; }

    /// <summary>Gets when the record was created (from the injected clock).</summary>
    public Instant CreatedAt { get; }

    /// <summary>Gets the date of the act (tempus delicti), or <see langword="null"/> while unknown.</summary>
    public LocalDate? OffenceDate { get; private set; }

    /// <summary>Gets the victims, in the order added.</summary>
    public IReadOnlyList<Victim> Victims => _victims;

    /// <summary>Gets the suspects or perpetrators, in the order added.</summary>
    public IReadOnlyList<Suspect> Suspects => _suspects;

    /// <summary>Gets the witnesses, in the order added.</summary>
    public IReadOnlyList<Witness> Witnesses => _witnesses;

    /// <summary>Gets the trafficking elements recorded (empty until recorded).</summary>
    public TraffickingFacts Elements { get; private set; } = TraffickingFacts.None;

    /// <summary>Gets the places recorded (empty until recorded).</summary>
    public CasePlaces Places { get; private set; } = CasePlaces.None;

    /// <summary>Gets the consent recorded at intake for the case as a whole, or <see langword="null"/> while none is.</summary>
    /// <value>Each victim's consent as it stands now is <see cref="ConsentOf"/>; this intake value decides only for
    /// a case without victims (see <see cref="SharingConsent"/>).</value>
    public ConsentRecord? Consent { get; private set; }

    /// <summary>Gets the GBVIMS type of a violence case, or <see langword="null"/> until classified.</summary>
    public GbvType? GbvType { get; private set; }

    /// <summary>Gets the SIMFONI-PPA forms of violence (multi-select), in the order recorded.</summary>
    public IReadOnlyList<SimfoniViolenceForm> SimfoniForms => _simfoniForms;

    /// <summary>Gets the business date (district zone) the investigator sent the SPDP (Surat Pemberitahuan Dimulainya
    /// Penyidikan) to the public prosecutor, or <see langword="null"/> while not sent (KUHAP Pasal 109(1) [R]).</summary>
    public LocalDate? SpdpSentOn { get; private set; }

    /// <summary>Gets a value indicating whether the case is sexual violence under UU 12/2022 (TPKS) Pasal 4: a
    /// trafficking case for a sexual purpose (eksploitasi seksual, pelacuran, organ reproduksi) that is not "not a
    /// victim" on its elements (Pasal 4(2) huruf i [R]), a GBVIMS rape or sexual assault (Pasal 4(1)–(2): perkosaan,
    /// pelecehan seksual fisik), or a SIMFONI form <c>seksual</c>.</summary>
    /// <value>Read by the workflows: mediation is refused for TPKS cases (UU 12/2022 Pasal 23 [R]).</value>
    public bool IsSexualViolence =>
        (Elements.Purposes.Any(p => p is ExploitationPurpose.SexualExploitation or ExploitationPurpose.Prostitution or ExploitationPurpose.ReproductiveOrganExploitation)
            && TraffickingElementTest.Evaluate(Elements, [.. _victims.Select(v => new VictimAge(v.ChildStatusAtOffence(), v.AgeAtOffence, "recorded"))]).Status != TraffickingStatus.NotAVictim)
        || GbvType is Cases.GbvType.Rape or Cases.GbvType.SexualAssault
        || _simfoniForms.Contains(SimfoniViolenceForm.Sexual);

    /// <summary>Gets a value indicating whether the case is sexual violence against a child: <see cref="IsSexualViolence"/>
    /// and either a victim under 18 (or unborn) at the act or a violence-against-children case (UU 35/2014 Pasal 76D–76E;
    /// UU 12/2022 Pasal 23 [R]).</summary>
    /// <value>Read by the workflows: no mediation in child sexual-violence cases.</value>
    public bool IsChildSexualViolence =>
        IsSexualViolence && (CaseType == CaseType.ViolenceAgainstChildren || _victims.Any(v => v.ChildStatusAtOffence() == Indicators.ChildStatus.Child));

    /// <summary>Opens a case from a client's input.</summary>
    /// <param name="input">The header of the new case. Cannot be <see langword="null"/>.</param>
    /// <param name="clock">The clock that says "now".</param>
    /// <param name="zone">The district zone for business dates (e.g. <see cref="DistrictTime.DefaultZone"/>).</param>
    /// <returns>The case, with no persons yet.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">A required value is missing (<c>id</c>, <c>region</c>,
    /// <c>case_type</c>, <c>reporting_agency</c>, <c>intake_channel</c>, <c>reported_at</c>); a code is unknown; the
    /// region is malformed or <c>*</c>; <c>reported_at</c> is in the future; <c>offence_date</c> is after the report
    /// date.</exception>
    public static CaseRecord Open(CaseHeader input, IClock clock, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(zone);
        Instant now = clock.GetCurrentInstant();
        return FromHeader(input, zone, createdAt: now, now: now);
    }

    /// <summary>Records or corrects the date of the act; every victim's age is re-checked against it.</summary>
    /// <param name="offenceDate">The date of the act.</param>
    /// <exception cref="DomainValidationException">The date is after the report date (<c>offence_date</c>), or a
    /// victim's birth date is after it while the victim is not marked unborn (the field names the victim), or the SPDP
    /// recorded is before it (<c>spdp_sent_on</c>).</exception>
    public void RecordOffenceDate(LocalDate offenceDate) => ApplyOffenceDate(offenceDate, PrepareOffenceDate(offenceDate));

    /// <summary>Validates an offence date and returns the victims with their ages at it; changes nothing.</summary>
    private List<Victim> PrepareOffenceDate(LocalDate offenceDate)
    {
        if (offenceDate > ReportedOn)
        {
            throw new DomainValidationException("offence_date", Texts.Format(CasesText.OffenceDateAfterReportDate, offenceDate.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), ReportedOn.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (SpdpSentOn is { } spdp)
        {
            CheckSpdpAfterOffence(spdp, offenceDate);
        }

        var rebuilt = new List<Victim>(_victims.Count);
        for (int i = 0; i < _victims.Count; i++)
        {
            var v = _victims[i];
            var age = ChildAge.Assess(v.BirthDate, v.BirthDate is null ? v.AgeAtOffence : null, v.Unborn, offenceDate, $"victims[{i}]");
            rebuilt.Add(new Victim(v.Id, v.Sex, v.BirthDate, age.AgeAtOffence, v.Unborn, v.Citizenship, v.Disability, v.MigrantWorkerStatus, v.Identity));
        }

        return rebuilt;
    }

    private void ApplyOffenceDate(LocalDate offenceDate, List<Victim> rebuilt)
    {
        OffenceDate = offenceDate;
        _victims.Clear();
        _victims.AddRange(rebuilt);
    }

    /// <summary>Adds a victim.</summary>
    /// <param name="input">The victim. Cannot be <see langword="null"/>.</param>
    /// <returns>The new person's id, <c>victim-N</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">A code is unknown (<c>victim.sex</c>, <c>victim.citizenship</c>,
    /// <c>victim.migrant_worker_status</c>); the birth date is after the offence date (or, while that is unknown,
    /// after the report date) and the victim is not marked unborn (<c>victim.birth_date</c>); the age is outside
    /// [0, 130] or disagrees with the birth date (<c>victim.age_at_offence</c>); an identity value is malformed, or the
    /// NIK's structure is broken or disagrees with the sex or birth date (<c>victim.identity.national_id_number</c>,
    /// <see cref="NationalIdNumber"/>); the
    /// case already has <see cref="MaxPersonsPerRole"/> victims.</exception>
    public PersonId AddVictim(NewVictim input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (_victims.Count >= MaxPersonsPerRole)
        {
            throw new DomainValidationException("victims", Texts.Format(CasesText.TooManyVictims, MaxPersonsPerRole));
        }

        var victim = BuildVictim(NextPersonId("victim", _victims.Select(v => v.Id)), input, "victim");
        _victims.Add(victim);
        return victim.Id;
    }

    /// <summary>Adds a suspect or perpetrator.</summary>
    /// <param name="input">The suspect. Cannot be <see langword="null"/>.</param>
    /// <returns>The new person's id, <c>suspect-N</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">No role is given (<c>suspect.roles</c>); a code is unknown; an
    /// identity value is malformed, or the NIK disagrees with the sex (<see cref="NationalIdNumber"/>); the case already
    /// has <see cref="MaxPersonsPerRole"/> suspects.</exception>
    public PersonId AddSuspect(NewSuspect input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (_suspects.Count >= MaxPersonsPerRole)
        {
            throw new DomainValidationException("suspects", Texts.Format(CasesText.TooManySuspects, MaxPersonsPerRole));
        }

        var suspect = BuildSuspect(NextPersonId("suspect", _suspects.Select(v => v.Id)), input, "suspect");
        _suspects.Add(suspect);
        return suspect.Id;
    }

    /// <summary>Adds a witness.</summary>
    /// <param name="input">The witness. Cannot be <see langword="null"/>.</param>
    /// <returns>The new person's id, <c>witness-N</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">An identity value is malformed, or the case already has
    /// <see cref="MaxPersonsPerRole"/> witnesses.</exception>
    public PersonId AddWitness(NewWitness input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (_witnesses.Count >= MaxPersonsPerRole)
        {
            throw new DomainValidationException("witnesses", Texts.Format(CasesText.TooManyWitnesses, MaxPersonsPerRole));
        }

        var witness = BuildWitness(NextPersonId("witness", _witnesses.Select(v => v.Id)), input, "witness");
        _witnesses.Add(witness);
        return witness.Id;
    }

    /// <summary>Records the trafficking elements, replacing earlier ones. Allowed for every case type: a violence
    /// case can turn out to be trafficking.</summary>
    /// <param name="input">The elements. Cannot be <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">A code is unknown (e.g. <c>elements.acts[1]</c>).</exception>
    public void RecordTraffickingElements(NewTraffickingElements input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Elements = TraffickingFacts.Parse(input.Acts, input.Means, input.Purposes, input.Harms, input.ExploitationOccurred, input.VictimConsented, input.VictimCommittedCoercedOffence, "elements.");
    }

    /// <summary>Records the places, replacing earlier ones.</summary>
    /// <param name="input">The places. Cannot be <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">A place is malformed (see <see cref="CasePlaces.Create"/>).</exception>
    public void RecordPlaces(NewPlaces input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Places = CasePlaces.Create(input, "places");
    }

    /// <summary>Records the consent given at intake for the case, replacing earlier intake consent, and applies it to
    /// every victim recorded so far (each victim's consent can later be changed or withdrawn on its own with
    /// <see cref="RecordVictimConsent"/>; a victim added later has no consent until one is recorded for her).</summary>
    /// <param name="input">The flags.</param>
    /// <param name="clock">The clock giving the time of recording.</param>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">A flag or the giver is missing or unknown; or consent is given by
    /// <c>self</c> while a victim is a child on the day it is given (district zone; see
    /// <see cref="Legal.ChildAge.StatusOn"/>): a parent, guardian or other authorised person gives it for a child.</exception>
    public void RecordConsent(NewConsent? input, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var consent = ConsentRecord.Create(input, clock.GetCurrentInstant(), "consent");
        if (consent.GivenBy == ConsentGiver.Self && _victims.FirstOrDefault(v => IsChildOnDayOf(v, consent.RecordedAt)) is { } child)
        {
            throw new DomainValidationException("consent.given_by", Texts.Format(CasesText.ChildConsentNotBySelf, child.Id.Value));
        }

        Consent = consent;
        foreach (var v in _victims)
        {
            _victimConsents[v.Id] = Withdrawals(new VictimConsent(consent.ForServices, consent.ForReporting, consent.ForSharing, consent.GivenBy, consent.RecordedAt, null), ConsentOf(v.Id));
        }
    }

    /// <summary>Classifies a violence case with the GBVIMS tool.</summary>
    /// <param name="answers">The tool's answers.</param>
    /// <returns>The type recorded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="answers"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The case is a TPPO case (<c>case_type</c>; GBVIMS classifies
    /// violence incidents), or an answer the decision order needs is missing.</exception>
    public GbvType ClassifyViolence(NewGbvAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (CaseType == CaseType.Tppo)
        {
            throw new DomainValidationException("case_type", CasesText.GbvOnlyForViolenceCases);
        }

        GbvType = GbvClassifier.Classify(answers, "gbv_answers");
        return GbvType.Value;
    }

    /// <summary>Builds the <c>qualify</c> request for this case, so qualification of a stored case
    /// (<c>POST /cases/{id}/qualification</c>) and of a file (<c>taskforce qualify</c>) run the same rules.</summary>
    /// <param name="decisionDate">The date of judgment if known; <see langword="null"/> lets the qualifier use today.</param>
    /// <returns>The request: no identity values are copied (UU 21/2007 Pasal 44).</returns>
    /// <remarks>The offender facts come from the suspects: a state official (Pasal 8) or a corporation (Pasal 15)
    /// among them sets the flag. An organised group (Pasal 16) is not recorded on a case yet and is left false.</remarks>
    public QualifyRequest ToQualifyRequest(LocalDate? decisionDate = null) => new()
    {
        OffenceDate = OffenceDate,
        DecisionDate = decisionDate,
        Victims = [.. _victims.Select(v => new QualifyVictim
        {
            Sex = v.Sex.ToCode(),
            BirthDate = v.BirthDate,
            AgeAtOffence = v.BirthDate is null ? v.AgeAtOffence : null,
            Unborn = v.Unborn,
            Citizenship = v.Citizenship?.Value,
        })],
        Acts = [.. Elements.Acts.Select(a => a.ToCode())],
        Means = [.. Elements.Means.Select(m => m.ToCode())],
        Purposes = [.. Elements.Purposes.Select(p => p.ToCode())],
        Harms = [.. Elements.Harms.Select(h => h.ToCode())],
        ExploitationOccurred = Elements.ExploitationOccurred,
        VictimConsented = Elements.VictimConsented,
        VictimCommittedCoercedOffence = Elements.VictimCommittedCoercedOffence,
        DestinationCountry = Places.DestinationCountry?.Value,
        Offender = new QualifyOffender
        {
            StateOfficial = _suspects.Any(s => s.StateOfficial),
            Corporation = _suspects.Any(s => s.Corporation),
        },
    };

    /// <summary>Records the date the SPDP was sent to the public prosecutor (KUHAP Pasal 109(1) [R]: the investigator
    /// notifies the prosecutor that an investigation has started; MK 130/PUU-XIII/2015 [R]: within 7 days), replacing
    /// an earlier date. The criminal-justice workflow enters <c>penyidikan</c> only once it is recorded.</summary>
    /// <param name="sentOn">The business date (district zone) of sending.</param>
    /// <param name="clock">The clock that says "today".</param>
    /// <param name="zone">The district zone.</param>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> or <paramref name="zone"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The date is after today, or before the offence date
    /// (<c>spdp_sent_on</c>).</exception>
    public void RecordSpdpSent(LocalDate sentOn, IClock clock, DateTimeZone zone)
    {
        CheckSpdpSent(sentOn, clock, zone);
        SpdpSentOn = sentOn;
    }

    /// <summary>Validates an SPDP date; changes nothing.</summary>
    private void CheckSpdpSent(LocalDate sentOn, IClock clock, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(zone);
        LocalDate today = DistrictTime.Today(clock, zone);
        if (sentOn > today)
        {
            throw new DomainValidationException("spdp_sent_on", Texts.Format(CasesText.SpdpDateInFuture, sentOn.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), today.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)));
        }

        CheckSpdpAfterOffence(sentOn, OffenceDate);
    }

    private static void CheckSpdpAfterOffence(LocalDate sentOn, LocalDate? offenceDate)
    {
        if (offenceDate is { } offence && sentOn < offence)
        {
            throw new DomainValidationException("spdp_sent_on", Texts.Format(CasesText.SpdpDateBeforeOffenceDate, sentOn.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), offence.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Records the SIMFONI-PPA forms of violence (multi-select), replacing earlier ones.</summary>
    /// <param name="forms">At least one form code (e.g. <c>fisik</c>, <c>psikis</c>).</param>
    /// <exception cref="DomainValidationException">No form is given, or a code is unknown (<c>simfoni_forms[i]</c>).</exception>
    public void RecordSimfoniForms(IReadOnlyList<string>? forms)
    {
        var parsed = CaseCodes.SimfoniForms.ParseList(forms, "simfoni_forms");
        if (parsed.Count == 0)
        {
            throw new DomainValidationException("simfoni_forms", CasesText.ViolenceFormRequired);
        }

        _simfoniForms = [.. parsed];
    }
}
