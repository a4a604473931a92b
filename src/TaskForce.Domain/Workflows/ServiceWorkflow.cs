using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Workflows;

/// <summary>
/// The services a victim may request: the six UPTD PPA service functions (Permen PPPA 2/2022), the integrated
/// services of PP 9/2008, and first aid under UU 21/2007 Pasal 53.
/// </summary>
public enum ServiceType
{
    /// <summary><c>pengaduan_masyarakat</c>: complaint handling (Permen PPPA 2/2022).</summary>
    PengaduanMasyarakat = 1,

    /// <summary><c>penjangkauan_korban</c>: victim outreach (Permen PPPA 2/2022).</summary>
    PenjangkauanKorban = 2,

    /// <summary><c>pengelolaan_kasus</c>: case management (Permen PPPA 2/2022).</summary>
    PengelolaanKasus = 3,

    /// <summary><c>penampungan_sementara</c>: temporary shelter (Permen PPPA 2/2022).</summary>
    PenampunganSementara = 4,

    /// <summary><c>mediasi</c>: mediation (Permen PPPA 2/2022); refused for TPKS and child sexual-violence cases.</summary>
    Mediasi = 5,

    /// <summary><c>pendampingan_korban</c>: accompaniment of the victim (Permen PPPA 2/2022).</summary>
    PendampinganKorban = 6,

    /// <summary><c>rehabilitasi_kesehatan</c>: health rehabilitation (PP 9/2008 Pasal 1(1); UU 21/2007 Pasal 51–52).</summary>
    RehabilitasiKesehatan = 7,

    /// <summary><c>rehabilitasi_sosial</c>: social rehabilitation (PP 9/2008 Pasal 1(1); UU 21/2007 Pasal 51–52).</summary>
    RehabilitasiSosial = 8,

    /// <summary><c>pemulangan</c>: repatriation (PP 9/2008 Pasal 1(1); UU 21/2007 Pasal 51–52).</summary>
    Pemulangan = 9,

    /// <summary><c>reintegrasi_sosial</c>: social reintegration (PP 9/2008 Pasal 1(1); UU 21/2007 Pasal 51–52).</summary>
    ReintegrasiSosial = 10,

    /// <summary><c>bantuan_hukum</c>: legal aid (PP 9/2008 Pasal 1(1)); no statutory time limit found.</summary>
    BantuanHukum = 11,

    /// <summary><c>pertolongan_pertama</c>: first aid for trauma or a dangerous illness (UU 21/2007 Pasal 53).</summary>
    PertolonganPertama = 12,
}

/// <summary>The states of one service request.</summary>
public enum ServiceState
{
    /// <summary><c>requested</c>: the request is logged; the time limit runs from its business date.</summary>
    Requested = 1,

    /// <summary><c>accepted</c>: the provider has accepted it.</summary>
    Accepted = 2,

    /// <summary><c>delivered</c>: the service was given (final).</summary>
    Delivered = 3,

    /// <summary><c>refused</c>: refused by the provider or declined, with a reason (final).</summary>
    Refused = 4,

    /// <summary><c>referred</c>: referred to another provider, with a reason (final; the referral has its own
    /// workflow, and the statutory time limit is not met by referring).</summary>
    Referred = 5,
}

/// <summary>The facts of a service request that its workflow reads.</summary>
/// <param name="Type">The service requested; fixed for the life of the request.</param>
/// <param name="IsTpks">Whether the case is a sexual-violence crime under UU 12/2022 Pasal 4 (including TPPO for
/// sexual exploitation, Pasal 4(2)).</param>
/// <param name="IsChildSexualViolence">Whether the case is sexual violence against a child.</param>
/// <param name="VictimId">The victim of the case the service is for (a person id such as <c>victim-2</c>, no personal
/// data), or <see langword="null"/> for a service to the case as a whole (then counted for every victim of the case).
/// Indicators count a victim as served only by a service for that victim or for the whole case.</param>
public sealed record ServiceContext(ServiceType Type, bool IsTpks, bool IsChildSexualViolence, string? VictimId = null);

/// <summary>Time limits for services that have no statutory one, in days counted inclusively from the request date.</summary>
/// <remarks>The UU 21/2007 Pasal 52–53 services always use 7 days; these options set the others. PP 9/2008 time limits
/// and the numeric limits of Permen PPPA 2/2022 are not confirmed (docs/sources.md#pp-9-2008, #confidence), so the default
/// is no deadline at all rather than an invented one.</remarks>
/// <param name="DaysByType">Days per service type (Pasal 52–53 types are ignored); a type not listed has no deadline.</param>
public sealed record ServiceDeadlineOptions(IReadOnlyDictionary<ServiceType, int> DaysByType)
{
    /// <summary>Gets the default: no deadline for services outside UU 21/2007 Pasal 52–53.</summary>
    /// <value>An empty map.</value>
    public static ServiceDeadlineOptions Default { get; } = new(new Dictionary<ServiceType, int>());
}

/// <summary>
/// One service request: requested → accepted → delivered / refused / referred, with the 7-day limit of UU 21/2007
/// Pasal 52–53 and the refusal of mediation in TPKS and child sexual-violence cases.
/// </summary>
/// <remarks>
/// <para>Time limit: "within 7 days" of the request for health and social rehabilitation, repatriation and social
/// reintegration (Pasal 52(1)) and for first aid (Pasal 53) [R]. The day of the request counts as day 1
/// (<see cref="DayCounting.InclusiveOfStartDay"/>, the counting KUHAP uses for detention); the statute's counting
/// convention is not confirmed [U], and counting inclusively gives the victim the earlier alert. Days are business
/// dates in the district zone, so a request logged at 23:59 WITA counts from that day and one at 00:01 WITA from the
/// next. Overdue = today (district zone) after the due date while the request is still requested or accepted.</para>
/// <para>Mediation: UU 12/2022 (TPKS) Pasal 23 forbids settling sexual-violence cases out of court (except where the
/// offender is a child under the juvenile-justice law, which is diversion in the justice system, not UPTD mediation)
/// [R]; the NTT provincial UPTD PPA does not mediate child sexual-violence cases [C]. A mediation request in such a
/// case can only be refused: accepting, delivering or referring it is refused by the guard.</para>
/// <para>Unlike Primero (docs/sources.md#primero, its reported problems), two services with the same due date are independent instances and never
/// collide.</para>
/// </remarks>
public static class ServiceWorkflow
{
    /// <summary>The workflow code.</summary>
    public const string Code = "service";

    /// <summary>The statutory time limit for UU 21/2007 Pasal 52–53 services, in days.</summary>
    public const int StatutoryDays = 7;

    private const string Flow = "Permen PPPA 2/2022 standard service flow; PP 9/2008 integrated services [C]";
    private const string MediationGuard = "mediation_not_in_tpks_or_child_sexual_violence";

    /// <summary>The transition table: the only place the service rules live.</summary>
    public static readonly IReadOnlyList<TransitionRule<ServiceState, ServiceContext>> Transitions =
    [
        new(ServiceState.Requested, ServiceState.Accepted, ReasonRule.Optional, Flow, MediationGuard, MediationAllowed),
        new(ServiceState.Requested, ServiceState.Refused, ReasonRule.Required, Flow),
        new(ServiceState.Requested, ServiceState.Referred, ReasonRule.Required, Flow, MediationGuard, MediationAllowed),
        new(ServiceState.Accepted, ServiceState.Delivered, ReasonRule.Optional, Flow, MediationGuard, MediationAllowed),
        new(ServiceState.Accepted, ServiceState.Refused, ReasonRule.Required, Flow),
        new(ServiceState.Accepted, ServiceState.Referred, ReasonRule.Required, Flow, MediationGuard, MediationAllowed),
    ];

    /// <summary>The state codes.</summary>
    public static readonly IReadOnlyList<KeyValuePair<ServiceState, string>> StateCodes =
    [
        new(ServiceState.Requested, "requested"),
        new(ServiceState.Accepted, "accepted"),
        new(ServiceState.Delivered, "delivered"),
        new(ServiceState.Refused, "refused"),
        new(ServiceState.Referred, "referred"),
    ];

    private static readonly Dictionary<ServiceType, string> TypeCodes = new()
    {
        [ServiceType.PengaduanMasyarakat] = "pengaduan_masyarakat",
        [ServiceType.PenjangkauanKorban] = "penjangkauan_korban",
        [ServiceType.PengelolaanKasus] = "pengelolaan_kasus",
        [ServiceType.PenampunganSementara] = "penampungan_sementara",
        [ServiceType.Mediasi] = "mediasi",
        [ServiceType.PendampinganKorban] = "pendampingan_korban",
        [ServiceType.RehabilitasiKesehatan] = "rehabilitasi_kesehatan",
        [ServiceType.RehabilitasiSosial] = "rehabilitasi_sosial",
        [ServiceType.Pemulangan] = "pemulangan",
        [ServiceType.ReintegrasiSosial] = "reintegrasi_sosial",
        [ServiceType.BantuanHukum] = "bantuan_hukum",
        [ServiceType.PertolonganPertama] = "pertolongan_pertama",
    };

    /// <summary>Gets the workflow with default options (7 days for Pasal 52–53 services, none for others).</summary>
    /// <value>The definition.</value>
    public static WorkflowDefinition<ServiceState, ServiceContext> Default { get; } = Create(ServiceDeadlineOptions.Default);

    /// <summary>Returns the wire code of a service type.</summary>
    /// <param name="type">The type.</param>
    /// <returns>Its snake_case code, e.g. <c>rehabilitasi_sosial</c>.</returns>
    public static string ToCode(this ServiceType type) => TypeCodes[type];

    /// <summary>Parses a service-type code.</summary>
    /// <param name="code">A code of <see cref="ToCode(ServiceType)"/>.</param>
    /// <returns>The type.</returns>
    /// <exception cref="DomainValidationException">The code is unknown (field <c>service_type</c>).</exception>
    public static ServiceType ParseServiceType(string? code)
    {
        foreach (var (type, c) in TypeCodes)
        {
            if (c == code)
            {
                return type;
            }
        }

        throw new DomainValidationException("service_type", Texts.Format(WorkflowsText.ServiceTypeUnknown, code, string.Join(", ", TypeCodes.Values)));
    }

    /// <summary>Tells whether a service has the statutory 7-day limit.</summary>
    /// <param name="type">The service type.</param>
    /// <returns><see langword="true"/> for health and social rehabilitation, repatriation and social reintegration
    /// (UU 21/2007 Pasal 52(1)) and first aid (Pasal 53).</returns>
    public static bool HasStatutoryLimit(ServiceType type) => type is ServiceType.RehabilitasiKesehatan or ServiceType.RehabilitasiSosial
        or ServiceType.Pemulangan or ServiceType.ReintegrasiSosial or ServiceType.PertolonganPertama;

    /// <summary>Creates the workflow with configured time limits for non-statutory services.</summary>
    /// <param name="options">Days per non-statutory service type.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A configured number of days is outside [1, 3650].</exception>
    public static WorkflowDefinition<ServiceState, ServiceContext> Create(ServiceDeadlineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var pasal52 = DeadlineTerms.InDays(StatutoryDays, DayCounting.InclusiveOfStartDay, "UU 21/2007 Pasal 52(1): within 7 days of the request [R; counting convention U]", confirmed: false);
        var pasal53 = DeadlineTerms.InDays(StatutoryDays, DayCounting.InclusiveOfStartDay, "UU 21/2007 Pasal 53: first aid within 7 days of the request [R; counting convention U]", confirmed: false);
        var configured = options.DaysByType
            .Where(p => !HasStatutoryLimit(p.Key))
            .ToDictionary(p => p.Key, p => DeadlineTerms.InDays(p.Value, DayCounting.InclusiveOfStartDay, "configured by the district (no statutory limit found; docs/sources.md#pp-9-2008 [U])", confirmed: false));
        return new WorkflowDefinition<ServiceState, ServiceContext>(
            Code,
            ServiceState.Requested,
            StateCodes,
            Transitions,
            [
                new DeadlineRule<ServiceState, ServiceContext>(
                    "service_due",
                    new HashSet<ServiceState> { ServiceState.Requested },
                    new HashSet<ServiceState> { ServiceState.Requested, ServiceState.Accepted },
                    new HashSet<ServiceState> { ServiceState.Delivered },
                    c => c.Type == ServiceType.PertolonganPertama ? pasal53
                        : HasStatutoryLimit(c.Type) ? pasal52
                        : configured.GetValueOrDefault(c.Type)),
            ],
            contextChangeCheck: (before, after) => before.Type == after.Type ? null : WorkflowsText.ServiceTypeFixed);
    }

    private static string? MediationAllowed(TransitionAttempt<ServiceState, ServiceContext> a)
    {
        if (a.Context.Type != ServiceType.Mediasi || !(a.Context.IsTpks || a.Context.IsChildSexualViolence))
        {
            return null;
        }

        return a.Context.IsTpks ? WorkflowsText.MediationRefusedTpks : WorkflowsText.MediationRefusedChildSexualViolence;
    }
}
