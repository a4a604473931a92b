using System.Diagnostics.CodeAnalysis;
using NodaTime;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Indicators;

namespace TaskForce.Application.Cases;

/// <summary>
/// A case as returned by <c>GET /cases/{id}</c>: its header (<see cref="CaseHeaderView"/>) and every recorded fact in
/// wire codes, with the identity fields either shown (owning agency, coordinator) or redacted (everyone else).
/// </summary>
/// <remarks>Redacted means: every present identity text becomes <c>[redacted]</c> (so the reader knows a value
/// exists), and a victim's birth date (a quasi-identifier) is <see langword="null"/>; <see cref="IdentityVisible"/>
/// says which view this is (UU 21/2007 Pasal 44; <see cref="PersonIdentity.Redacted"/>).</remarks>
public sealed record CaseDocument : CaseHeaderView
{
    [SetsRequiredMembers]
    private CaseDocument(CaseHeader header, string ownerAgency, LocalDate reportedOn, Instant createdAt)
        : base(header, ownerAgency, reportedOn, createdAt)
    {
    }

    /// <summary>Gets whether the identity fields below are shown (<see langword="true"/>) or redacted.</summary>
    public bool IdentityVisible { get; init; }

    /// <summary>Gets the victims.</summary>
    public IReadOnlyList<VictimView> Victims { get; init; } = [];

    /// <summary>Gets the suspects.</summary>
    public IReadOnlyList<SuspectView> Suspects { get; init; } = [];

    /// <summary>Gets the witnesses.</summary>
    public IReadOnlyList<WitnessView> Witnesses { get; init; } = [];

    /// <summary>Gets the trafficking elements, or <see langword="null"/> when none are recorded.</summary>
    public NewTraffickingElements? Elements { get; init; }

    /// <summary>Gets the places, or <see langword="null"/> when none are recorded.</summary>
    public NewPlaces? Places { get; init; }

    /// <summary>Gets the consent recorded at intake for the case, or <see langword="null"/> when none is recorded; each
    /// victim's current consent is <see cref="VictimView.Consent"/>.</summary>
    public ConsentView? Consent { get; init; }

    /// <summary>Gets the GBVIMS type code, or <see langword="null"/>.</summary>
    public string? GbvType { get; init; }

    /// <summary>Gets the SIMFONI-PPA form codes.</summary>
    public IReadOnlyList<string> SimfoniForms { get; init; } = [];

    /// <summary>Gets the date the SPDP was sent, or <see langword="null"/>.</summary>
    public LocalDate? SpdpSentOn { get; init; }

    /// <summary>Gets whether the case is sexual violence under UU 12/2022 Pasal 4.</summary>
    public bool IsSexualViolence { get; init; }

    /// <summary>Gets whether the case is sexual violence against a child.</summary>
    public bool IsChildSexualViolence { get; init; }

    /// <summary>Builds the document of a case.</summary>
    /// <param name="record">The case. Cannot be <see langword="null"/>.</param>
    /// <param name="ownerAgency">The owning agency code. Cannot be <see langword="null"/>.</param>
    /// <param name="showIdentity">Whether the caller may see identity (decided by
    /// <see cref="Access.CaseAccessPolicy.MaySeeIdentity(Access.Caller, Access.CaseTies)"/>).</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static CaseDocument From(CaseRecord record, string ownerAgency, bool showIdentity)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(ownerAgency);
        var state = record.ToState();
        IdentityView Id(PersonIdentity identity) => IdentityView.From(showIdentity ? identity : identity.Redacted());
        return new CaseDocument(state, ownerAgency, record.ReportedOn, state.CreatedAt)
        {
            IdentityVisible = showIdentity,
            Victims = [.. record.Victims.Zip(state.Victims, (v, s) => new VictimView
            {
                Id = s.Id,
                Sex = s.Person.Sex!,
                BirthDate = showIdentity ? v.BirthDate : null,
                AgeAtOffence = v.AgeAtOffence,
                Unborn = v.Unborn,
                ChildStatus = v.ChildStatusAtOffence() switch { ChildStatus.Child => "child", ChildStatus.Adult => "adult", _ => "unknown" },
                Citizenship = s.Person.Citizenship,
                Disability = s.Person.Disability,
                MigrantWorkerStatus = s.Person.MigrantWorkerStatus!,
                Identity = Id(v.Identity),
                Consent = VictimConsentView.From(record.ConsentOf(v.Id)),
            })],
            Suspects = [.. record.Suspects.Zip(state.Suspects, (p, s) => new SuspectView
            {
                Id = s.Id,
                Sex = s.Person.Sex!,
                Roles = s.Person.Roles ?? [],
                StateOfficial = s.Person.StateOfficial,
                Corporation = s.Person.Corporation,
                Citizenship = s.Person.Citizenship,
                Identity = Id(p.Identity),
                Detention = SuspectDetentionView.From(record, p.Id),
            })],
            Witnesses = [.. record.Witnesses.Zip(state.Witnesses, (w, s) => new WitnessView { Id = s.Id, Child = w.Child, Identity = Id(w.Identity) })],
            Elements = state.Elements,
            Places = state.Places,
            Consent = record.Consent is { } c ? new ConsentView(c.ForServices, c.ForReporting, c.ForSharing, state.Consent!.GivenBy!, c.RecordedAt) : null,
            GbvType = state.GbvType,
            SimfoniForms = state.SimfoniForms,
            SpdpSentOn = state.SpdpSentOn,
            IsSexualViolence = record.IsSexualViolence,
            IsChildSexualViolence = record.IsChildSexualViolence,
        };
    }

    /// <summary>Tells whether any person of the case has an identity value (a name, NIK, address, phone, birth place,
    /// alias or birth date), i.e. whether showing the document discloses identity.</summary>
    /// <param name="record">The case. Cannot be <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when at least one identity value is recorded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    public static bool HasIdentity(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var state = record.ToState();
        return state.Victims.Any(v => v.Person.Identity is not null || v.Person.BirthDate is not null)
            || state.Suspects.Any(s => s.Person.Identity is not null)
            || state.Witnesses.Any(w => w.Person.Identity is not null);
    }
}

/// <summary>A person's identity as shown: the values, or <c>[redacted]</c> marks.</summary>
/// <param name="FullName">The full name.</param>
/// <param name="Aliases">Other names.</param>
/// <param name="NationalIdNumber">The NIK.</param>
/// <param name="Address">The address.</param>
/// <param name="Phone">The phone number.</param>
/// <param name="BirthPlace">The place of birth.</param>
public sealed record IdentityView(string? FullName, IReadOnlyList<string> Aliases, string? NationalIdNumber, string? Address, string? Phone, string? BirthPlace)
{
    /// <summary>Copies an identity into its view.</summary>
    /// <param name="identity">The identity (already redacted when it must be). Cannot be <see langword="null"/>.</param>
    /// <returns>The view.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="identity"/> is <see langword="null"/>.</exception>
    public static IdentityView From(PersonIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return new(identity.FullName, identity.Aliases, identity.NationalIdNumber, identity.Address, identity.Phone, identity.BirthPlace);
    }
}

/// <summary>A victim as shown.</summary>
public sealed record VictimView
{
    /// <summary>Gets the person id, e.g. <c>victim-1</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the sex code.</summary>
    public required string Sex { get; init; }

    /// <summary>Gets the birth date; <see langword="null"/> when not recorded or when identity is redacted.</summary>
    public LocalDate? BirthDate { get; init; }

    /// <summary>Gets the age in completed years at the act, if known.</summary>
    public int? AgeAtOffence { get; init; }

    /// <summary>Gets whether the victim was unborn at the act.</summary>
    public bool Unborn { get; init; }

    /// <summary>Gets <c>child</c>, <c>adult</c> or <c>unknown</c> at the act (UU 21/2007 Pasal 1 angka 5).</summary>
    public required string ChildStatus { get; init; }

    /// <summary>Gets the citizenship code, if recorded.</summary>
    public string? Citizenship { get; init; }

    /// <summary>Gets whether the victim has a disability, if recorded.</summary>
    public bool? Disability { get; init; }

    /// <summary>Gets the migrant-worker status code.</summary>
    public required string MigrantWorkerStatus { get; init; }

    /// <summary>Gets the identity (shown or redacted).</summary>
    public required IdentityView Identity { get; init; }

    /// <summary>Gets the victim's consent as it stands now, or <see langword="null"/> when none is recorded (ADR-018).</summary>
    public VictimConsentView? Consent { get; init; }
}

/// <summary>A suspect as shown.</summary>
public sealed record SuspectView
{
    /// <summary>Gets the person id, e.g. <c>suspect-1</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the sex code.</summary>
    public required string Sex { get; init; }

    /// <summary>Gets the HTCDS role codes.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Gets whether the suspect is a state official (UU 21/2007 Pasal 8).</summary>
    public bool StateOfficial { get; init; }

    /// <summary>Gets whether the suspect is a corporation (Pasal 13–15).</summary>
    public bool Corporation { get; init; }

    /// <summary>Gets the citizenship code, if recorded.</summary>
    public string? Citizenship { get; init; }

    /// <summary>Gets the identity (shown or redacted).</summary>
    public required IdentityView Identity { get; init; }

    /// <summary>Gets the recorded arrest and detention periods with the ledger's release date by law, or
    /// <see langword="null"/> when none is recorded (ADR-024).</summary>
    public SuspectDetentionView? Detention { get; init; }
}

/// <summary>A witness as shown.</summary>
public sealed record WitnessView
{
    /// <summary>Gets the person id, e.g. <c>witness-1</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Gets whether the witness is a child.</summary>
    public bool Child { get; init; }

    /// <summary>Gets the identity (shown or redacted).</summary>
    public required IdentityView Identity { get; init; }
}

/// <summary>Consent as shown.</summary>
/// <param name="ForServices">Consent to receive services.</param>
/// <param name="ForReporting">Consent to be counted in statistics.</param>
/// <param name="ForSharing">Consent to share with other agencies.</param>
/// <param name="GivenBy">Who gave it (code).</param>
/// <param name="RecordedAt">When it was recorded (UTC).</param>
public sealed record ConsentView(bool ForServices, bool ForReporting, bool ForSharing, string GivenBy, Instant RecordedAt);
