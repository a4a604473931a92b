using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Cases;

/// <summary>
/// Everything a stored <see cref="CaseRecord"/> is made of, in wire codes, so an adapter can save a case
/// (<see cref="CaseRecord.ToState"/>) and rebuild it later (<see cref="CaseRecord.Restore"/>) without re-running intake.
/// </summary>
/// <remarks>
/// <para>The state holds identity values (<see cref="NewIdentity"/>, victims' birth dates): it is as confidential as
/// the case (UU 21/2007 Pasal 44). Adapters encrypt the members listed in <see cref="IdentityFields"/> before they
/// reach a store and never log a state (docs/decisions/ADR-004-identity-fields.md).</para>
/// <para>The header fields are those of <see cref="CaseHeader"/>. Beyond the header, the state carries what intake
/// stamped: the person ids, when the record was created and when consent was recorded. <see cref="CaseRecord.Restore"/> keeps them as stored.</para>
/// </remarks>
public sealed record CaseRecordState : CaseHeader
{
    /// <summary>Initializes a new instance of the <see cref="CaseRecordState"/> class with a stored header.</summary>
    /// <param name="header">The header (wire codes); its values are copied. Cannot be <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="header"/> is <see langword="null"/>.</exception>
    public CaseRecordState(CaseHeader header)
        : base(header ?? throw new ArgumentNullException(nameof(header)))
    {
    }

    /// <summary>Gets when the record was created (UTC), as stamped by <see cref="CaseRecord.Open"/>.</summary>
    public required Instant CreatedAt { get; init; }

    /// <summary>Gets the victims in order, each with its id (<c>victim-1</c>, <c>victim-2</c>, ...).</summary>
    public IReadOnlyList<PersonState<NewVictim>> Victims { get; init; } = [];

    /// <summary>Gets the suspects in order, each with its id (<c>suspect-1</c>, ...).</summary>
    public IReadOnlyList<PersonState<NewSuspect>> Suspects { get; init; } = [];

    /// <summary>Gets the witnesses in order, each with its id (<c>witness-1</c>, ...).</summary>
    public IReadOnlyList<PersonState<NewWitness>> Witnesses { get; init; } = [];

    /// <summary>Gets the trafficking elements, or <see langword="null"/> when none are recorded.</summary>
    public NewTraffickingElements? Elements { get; init; }

    /// <summary>Gets the places, or <see langword="null"/> when none are recorded.</summary>
    public NewPlaces? Places { get; init; }

    /// <summary>Gets the consent flags recorded at intake for the case, or <see langword="null"/> when none are recorded.</summary>
    public NewConsent? Consent { get; init; }

    /// <summary>Gets each victim's consent as it stands now, in victim order, by victim id (ADR-018); victims without
    /// consent are absent. <see langword="null"/> for a case stored before consent was kept per victim: its
    /// <see cref="Consent"/> then applies to every victim on restore.</summary>
    public IReadOnlyList<PersonState<VictimConsentState>>? VictimConsents { get; init; }

    /// <summary>Gets when consent was recorded (UTC); required when <see cref="Consent"/> is present.</summary>
    public Instant? ConsentRecordedAt { get; init; }

    /// <summary>Gets the GBVIMS type code, or <see langword="null"/> until classified.</summary>
    public string? GbvType { get; init; }

    /// <summary>Gets the SIMFONI-PPA form codes (empty until recorded).</summary>
    public IReadOnlyList<string> SimfoniForms { get; init; } = [];

    /// <summary>Gets the date the SPDP was sent, or <see langword="null"/>.</summary>
    public LocalDate? SpdpSentOn { get; init; }

    /// <summary>Gets the ids of persons removed from the case as recorded by mistake
    /// (<see cref="CaseRecord.RemovePerson"/>), in the order removed; an id is never given again (ADR-017).</summary>
    /// <value>Ids of the form <c>victim-N</c>, <c>suspect-N</c>, <c>witness-N</c>; empty when none was removed.</value>
    public IReadOnlyList<string> RetiredPersonIds { get; init; } = [];

    /// <summary>Gets each suspect's recorded arrest and detention periods, in suspect order, by suspect id (ADR-024);
    /// suspects with none are absent, and the list is <see langword="null"/> when no suspect has any.</summary>
    public IReadOnlyList<PersonState<SuspectDetentionState>>? SuspectDetentions { get; init; }

    /// <summary>Gets the linkage pseudonyms of victims whose identity was erased (<see cref="CaseRecord.LinkagePseudonyms"/>).</summary>
    /// <value>Person id to pseudonym; <see langword="null"/> or empty for a case with no erasure.</value>
    public IReadOnlyDictionary<string, string>? LinkagePseudonyms { get; init; }
}

/// <summary>A person of a stored case: the id intake gave it and its values in wire codes.</summary>
/// <typeparam name="TInput">The person's input type (<see cref="NewVictim"/>, <see cref="NewSuspect"/> or <see cref="NewWitness"/>).</typeparam>
/// <param name="Id">The person id within the case, e.g. <c>victim-1</c>.</param>
/// <param name="Person">The values. For a victim, <see cref="NewVictim.AgeAtOffence"/> is the age the case holds
/// (recorded, or computed from the birth date and the offence date).</param>
public sealed record PersonState<TInput>(string Id, TInput Person)
    where TInput : class;

/// <content>Saving and restoring a case record (<see cref="CaseRecordState"/>).</content>
public sealed partial class CaseRecord
{
    /// <summary>Returns everything the case is made of, in wire codes, for storage.</summary>
    /// <returns>The state; <see cref="Restore"/> rebuilds an equal case from it. It holds identity values: never
    /// log it, and encrypt its <see cref="IdentityFields"/> before storing it.</returns>
    public CaseRecordState ToState() => new(ToHeader())
    {
        CreatedAt = CreatedAt,
        Victims = [.. _victims.Select(v => new PersonState<NewVictim>(v.Id.Value, new NewVictim
        {
            Sex = CourtOutcomes.WireCodes.ToCode(v.Sex),
            BirthDate = v.BirthDate,
            AgeAtOffence = v.AgeAtOffence,
            Unborn = v.Unborn,
            Citizenship = v.Citizenship?.Value,
            Disability = v.Disability,
            MigrantWorkerStatus = v.MigrantWorkerStatus.ToCode(),
            Identity = ToInput(v.Identity),
        }))],
        Suspects = [.. _suspects.Select(s => new PersonState<NewSuspect>(s.Id.Value, new NewSuspect
        {
            Sex = CourtOutcomes.WireCodes.ToCode(s.Sex),
            Roles = [.. s.Roles.Select(r => r.ToCode())],
            StateOfficial = s.StateOfficial,
            Corporation = s.Corporation,
            Citizenship = s.Citizenship?.Value,
            Identity = ToInput(s.Identity),
        }))],
        Witnesses = [.. _witnesses.Select(w => new PersonState<NewWitness>(w.Id.Value, new NewWitness { Child = w.Child, Identity = ToInput(w.Identity) }))],
        Elements = ReferenceEquals(Elements, Legal.TraffickingFacts.None) ? null : new NewTraffickingElements
        {
            Acts = [.. Elements.Acts.Select(a => Legal.LegalCodes.ToCode(a))],
            Means = [.. Elements.Means.Select(m => Legal.LegalCodes.ToCode(m))],
            Purposes = [.. Elements.Purposes.Select(p => Legal.LegalCodes.ToCode(p))],
            Harms = [.. Elements.Harms.Select(h => Legal.LegalCodes.ToCode(h))],
            ExploitationOccurred = Elements.ExploitationOccurred,
            VictimConsented = Elements.VictimConsented,
            VictimCommittedCoercedOffence = Elements.VictimCommittedCoercedOffence,
        },
        Places = ReferenceEquals(Places, CasePlaces.None) ? null : new NewPlaces
        {
            OriginKecamatan = Places.OriginKecamatan?.Value,
            Transit = [.. Places.Transit.Select(t => new NewTransitPlace(t.Region?.Value, t.Country?.Value))],
            DestinationCountry = Places.DestinationCountry?.Value,
            DestinationProvince = Places.DestinationProvince?.Value,
        },
        Consent = Consent is null ? null : new NewConsent
        {
            ForServices = Consent.ForServices,
            ForReporting = Consent.ForReporting,
            ForSharing = Consent.ForSharing,
            GivenBy = Consent.GivenBy.ToCode(),
        },
        ConsentRecordedAt = Consent?.RecordedAt,
        VictimConsents = VictimConsentStates(),
        SuspectDetentions = SuspectDetentionStates(),
        GbvType = GbvType?.ToCode(),
        SimfoniForms = [.. _simfoniForms.Select(f => f.ToCode())],
        SpdpSentOn = SpdpSentOn,
        RetiredPersonIds = [.. _retiredPersonIds.Select(p => p.Value)],
        LinkagePseudonyms = _linkagePseudonyms.Count == 0 ? null : new SortedDictionary<string, string>(_linkagePseudonyms, StringComparer.Ordinal),
    };

    /// <summary>Rebuilds a stored case (rehydration) from its state, without re-running intake.</summary>
    /// <param name="state">The stored state. Cannot be <see langword="null"/>.</param>
    /// <param name="zone">The district zone, for the business date of the report (e.g. <see cref="DistrictTime.DefaultZone"/>).</param>
    /// <returns>A case equal to the one saved: the same person ids, creation time and consent time.</returns>
    /// <remarks>
    /// <para>Every value is parsed again with the same rules as intake (codes, region shapes, identity shapes, a
    /// victim's birth date against the offence date), so a damaged or tampered row is refused instead of loaded.
    /// What intake stamped is kept, not re-stamped: <see cref="CreatedAt"/>, the person ids and
    /// <see cref="ConsentRecord.RecordedAt"/> come from the state, and no clock is read — so a report time is not
    /// checked against "now" again, and a case restored years later is the same case.</para>
    /// <para>Rules that depend on the order in which facts were recorded are not re-applied: consent given by
    /// <c>self</c> before a child victim was added stays as recorded, and the GBVIMS type is restored as classified
    /// (its answers are not stored).</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">A stored value breaks a rule (the field names it, e.g.
    /// <c>victims[0].sex</c>); a person id is not the expected <c>victim-N</c> sequence, where a gap is allowed only for
    /// a retired id (<see cref="CaseRecordState.RetiredPersonIds"/>) (<c>victims[i].id</c>); consent
    /// is present without <see cref="CaseRecordState.ConsentRecordedAt"/> (<c>consent.recorded_at</c>); a retired id is
    /// malformed or repeated (<c>retired_person_ids[i]</c>).</exception>
    public static CaseRecord Restore(CaseRecordState state, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(zone);
        var record = FromHeader(state, zone, createdAt: state.CreatedAt, now: null);
        var retired = RestoreRetired(state.RetiredPersonIds);
        record._retiredPersonIds.AddRange(retired);
        Restore(state.Victims, "victims", "victim", MaxPersonsPerRole, retired, (pid, p, f) => record._victims.Add(record.BuildVictim(pid, p, f)));
        Restore(state.Suspects, "suspects", "suspect", MaxPersonsPerRole, retired, (pid, p, f) => record._suspects.Add(BuildSuspect(pid, p, f)));
        Restore(state.Witnesses, "witnesses", "witness", MaxPersonsPerRole, retired, (pid, p, f) => record._witnesses.Add(BuildWitness(pid, p, f)));
        if (state.Elements is { } e)
        {
            record.Elements = Legal.TraffickingFacts.Parse(e.Acts, e.Means, e.Purposes, e.Harms, e.ExploitationOccurred, e.VictimConsented, e.VictimCommittedCoercedOffence, "elements.");
        }

        if (state.Places is not null)
        {
            record.Places = CasePlaces.Create(state.Places, "places");
        }

        if (state.Consent is not null)
        {
            Instant recordedAt = state.ConsentRecordedAt ?? throw new DomainValidationException("consent.recorded_at", CasesText.StoredConsentNoRecordingTime);
            record.Consent = ConsentRecord.Create(state.Consent, recordedAt, "consent");
        }

        record.RestoreConsents(state);
        record.RestoreDetentions(state.SuspectDetentions);

        if (state.GbvType is not null)
        {
            record.GbvType = CaseCodes.GbvTypes.Parse(state.GbvType, "gbv_type");
        }

        record._simfoniForms = [.. CaseCodes.SimfoniForms.ParseList(state.SimfoniForms, "simfoni_forms")];
        if (state.SpdpSentOn is { } spdp)
        {
            CheckSpdpAfterOffence(spdp, record.OffenceDate);
            record.SpdpSentOn = spdp;
        }

        record.RestoreLinkagePseudonyms(state.LinkagePseudonyms);
        return record;
    }

    private static void Restore<TInput>(IReadOnlyList<PersonState<TInput>>? people, string listField, string prefix, int max, IReadOnlyList<PersonId> retired, Action<PersonId, TInput, string> add)
        where TInput : class
    {
        people ??= [];
        if (people.Count > max)
        {
            throw new DomainValidationException(listField, Texts.Format(CasesText.TooManyInList, max, listField));
        }

        int previous = 0;
        for (int i = 0; i < people.Count; i++)
        {
            string field = $"{listField}[{i}]";
            var p = people[i] ?? throw new DomainValidationException(field, CasesText.StoredPersonNull);

            // Ids ascend in the order added; a gap is a person removed by mistake, whose id is retired, never reused.
            int number = PersonNumber(p.Id, prefix);
            bool IsRetired(int n) => retired.Any(r => string.Equals(r.Value, $"{prefix}-{n}", StringComparison.Ordinal));
            if (number <= previous || IsRetired(number) || Enumerable.Range(previous + 1, Math.Max(0, number - previous - 1)).Any(n => !IsRetired(n)))
            {
                throw new DomainValidationException($"{field}.id", Texts.Format(CasesText.StoredPersonIdOutOfSequence, p.Id, prefix));
            }

            previous = number;
            add(new PersonId(p.Id!), p.Person ?? throw new DomainValidationException(field, CasesText.StoredPersonNoValues), field);
        }
    }

    private static NewIdentity? ToInput(PersonIdentity identity) =>
        identity.FullName is null && identity.Aliases.Count == 0 && identity.NationalIdNumber is null && identity.Address is null && identity.Phone is null && identity.BirthPlace is null
            ? null
            : new NewIdentity
            {
                FullName = identity.FullName,
                Aliases = identity.Aliases.Count == 0 ? null : [.. identity.Aliases],
                NationalIdNumber = identity.NationalIdNumber,
                Address = identity.Address,
                Phone = identity.Phone,
                BirthPlace = identity.BirthPlace,
            };

    private static Suspect BuildSuspect(PersonId id, NewSuspect input, string f)
    {
        if (!CourtOutcomes.WireCodes.TryParseSex(input.Sex, out CourtOutcomes.Sex sex))
        {
            throw new DomainValidationException($"{f}.sex", Texts.Format(CasesText.SexCodeInvalid, input.Sex));
        }

        var roles = CaseCodes.Roles.ParseList(input.Roles, $"{f}.roles");
        if (roles.Count == 0)
        {
            throw new DomainValidationException($"{f}.roles", CasesText.RoleRequired);
        }

        var citizenship = CountryCode.ParseOptional(input.Citizenship, $"{f}.citizenship");
        var identity = PersonIdentity.Create(input.Identity, $"{f}.identity", sex, null);
        return new Suspect(id, sex, roles, input.StateOfficial, input.Corporation, citizenship, identity);
    }

    private static Witness BuildWitness(PersonId id, NewWitness input, string f) =>
        new(id, input.Child, PersonIdentity.Create(input.Identity, $"{f}.identity"));

    private Victim BuildVictim(PersonId id, NewVictim input, string f)
    {
        if (!CourtOutcomes.WireCodes.TryParseSex(input.Sex, out CourtOutcomes.Sex sex))
        {
            throw new DomainValidationException($"{f}.sex", Texts.Format(CasesText.SexCodeInvalid, input.Sex));
        }

        int? age = input.AgeAtOffence;
        bool childAtReport = false;
        if (OffenceDate is { } offence)
        {
            age = Legal.ChildAge.Assess(input.BirthDate, input.AgeAtOffence, input.Unborn, offence, f).AgeAtOffence;
        }
        else
        {
            // The act is not dated yet: the report date bounds it, so a birth after the report needs "unborn", and a
            // victim under 18 on the report date was under 18 at the act.
            Legal.ChildAge.Assess(input.BirthDate, input.BirthDate is null ? input.AgeAtOffence : null, input.Unborn, ReportedOn, f);
            childAtReport = Legal.ChildAge.StatusAtUndatedAct(input.BirthDate, input.Unborn, ReportedOn) == Indicators.ChildStatus.Child;
        }

        var citizenship = CountryCode.ParseOptional(input.Citizenship, $"{f}.citizenship");
        var migrant = input.MigrantWorkerStatus is null ? MigrantWorkerStatus.Unknown : CaseCodes.MigrantStatuses.Parse(input.MigrantWorkerStatus, $"{f}.migrant_worker_status");
        var identity = PersonIdentity.Create(input.Identity, $"{f}.identity", sex, input.BirthDate);
        return new Victim(id, sex, input.BirthDate, age, input.Unborn, citizenship, input.Disability, migrant, identity, childAtReport);
    }
}
