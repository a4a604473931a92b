using System.Globalization;
using NodaTime;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Resources;
using TaskForce.Domain.Workflows;

namespace TaskForce.Domain.Indicators;

/// <summary>
/// Builds an <see cref="IndicatorInput"/> row by row: from <see cref="VictimCaseFact"/>s, or through the primitive
/// methods a bulk loader uses (<see cref="AddCase(in CaseRow)"/>, <see cref="AddVictim"/>, <see cref="AddService"/>,
/// <see cref="AddReferral"/>, <see cref="AddDeadline"/>).
/// </summary>
/// <remarks>A case id seen before returns the same case and its facts are not read again.</remarks>
/// <threadsafety>Not thread-safe.</threadsafety>
public sealed class IndicatorInputBuilder
{
    private readonly DateTimeZone _zone;
    private readonly Dictionary<string, int> _caseIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<UInt128, int> _personIndex = [];
    private readonly Dictionary<string, ushort> _regions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ushort> _kecamatans = new(StringComparer.Ordinal) { ["unknown"] = 0 };
    private readonly Dictionary<string, ushort> _countries = new(StringComparer.Ordinal) { ["unknown"] = 0 };
    private readonly Dictionary<string, ushort> _agencies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte> _deadlineKinds = new(StringComparer.Ordinal);
    private readonly List<bool> _personLinkable = [];

    private readonly List<string> _caseIds = [];
    private readonly List<long> _caseTicks = [];
    private readonly List<byte> _caseType = [];
    private readonly List<byte> _caseFlags = [];
    private readonly List<ushort> _caseRegion = [];
    private readonly List<ushort> _caseKecamatan = [];
    private readonly List<ushort> _caseAgency = [];
    private readonly List<int> _caseReportedDay = [];
    private readonly List<int> _caseOffenceDay = [];
    private readonly List<ushort> _caseDestination = [];
    private readonly List<ushort> _casePurposes = [];
    private readonly List<byte> _caseSimfoni = [];
    private readonly List<long> _caseFrDue = [];
    private readonly List<long> _caseFrAt = [];
    private readonly List<int>[] _caseStages = [.. Enumerable.Range(0, 7).Select(_ => new List<int>())];

    private readonly List<int> _victimCase = [];
    private readonly List<int> _victimPerson = [];
    private readonly List<byte> _victimSex = [];
    private readonly List<byte> _victimAge = [];
    private readonly List<ushort> _victimCitizenship = [];
    private readonly List<byte> _victimMigrant = [];

    private readonly List<int> _serviceVictim = [];
    private readonly List<byte> _serviceType = [];
    private readonly List<int> _serviceRequested = [];
    private readonly List<int> _serviceDue = [];
    private readonly List<int> _serviceDelivered = [];
    private readonly List<int> _serviceEnded = [];

    private readonly List<int> _referralCase = [];
    private readonly List<int> _referralSent = [];
    private readonly List<byte> _referralOutcome = [];
    private readonly List<int> _referralDecided = [];

    private readonly List<int> _deadlineCase = [];
    private readonly List<byte> _deadlineKind = [];
    private readonly List<int> _deadlineStarts = [];
    private readonly List<int> _deadlineDue = [];
    private readonly List<long> _deadlineDueAt = [];
    private readonly List<int> _deadlineClosed = [];

    /// <summary>Creates a builder.</summary>
    /// <param name="zone">The district zone for business dates. Cannot be <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    public IndicatorInputBuilder(DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        _zone = zone;
    }

    /// <summary>Adds one fact: its case (when new) with referrals and deadlines, its victim and the victim's services.</summary>
    /// <param name="fact">The fact. Cannot be <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fact"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The person key is not 32 hex digits (field <c>person_key</c>).</exception>
    public void Add(VictimCaseFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        bool isNew = !_caseIndex.ContainsKey(fact.CaseId);
        int c = AddCase(new CaseRow(fact.CaseId, fact.Agency, fact.CaseType, fact.Trafficking, fact.Region.Value, fact.Kecamatan?.Value,
            fact.ConsentToReporting, fact.ReportedAt, fact.OffenceDate, fact.Destination?.Value, fact.Purposes, fact.SimfoniForms,
            fact.FirstResponse, fact.Milestones));
        if (isNew)
        {
            foreach (var r in fact.Referrals)
            {
                AddReferral(c, r.SentOn, r.Outcome, r.DecidedOn);
            }

            foreach (var d in fact.Deadlines)
            {
                AddDeadline(c, d.Kind, d.StartsOn, d.DueOn, d.DueAt, d.ClosedOn);
            }
        }

        if (fact.PersonKey is null)
        {
            return;
        }

        int v = AddVictim(c, ParseKey(fact.PersonKey), fact.PersonKeyLinkable, fact.Sex, fact.AgeAtOffence, fact.Citizenship?.Value, fact.MigrantWorkerStatus);
        foreach (var s in fact.Services)
        {
            AddService(v, s.Type, s.RequestedOn, s.DueOn, s.DeliveredOn, s.EndedOn);
        }
    }

    /// <summary>Adds a case, or finds it when its id was added before.</summary>
    /// <param name="row">The case facts.</param>
    /// <returns>The case's number in this builder.</returns>
    public int AddCase(in CaseRow row)
    {
        ArgumentNullException.ThrowIfNull(row.CaseId);
        if (_caseIndex.TryGetValue(row.CaseId, out int existing))
        {
            return existing;
        }

        int c = _caseIds.Count;
        _caseIndex.Add(row.CaseId, c);
        _caseIds.Add(row.CaseId);
        _caseTicks.Add(row.ReportedAt.ToUnixTimeTicks());
        _caseType.Add((byte)row.Type);
        byte flags = 0;
        flags |= row.Trafficking ? IndicatorInput.FlagTrafficking : (byte)0;
        flags |= row.ConsentToReporting ? IndicatorInput.FlagConsent : (byte)0;
        flags |= row.FirstResponse is not null ? IndicatorInput.FlagFirstResponse : (byte)0;
        _caseFlags.Add(flags);
        _caseRegion.Add(Intern(_regions, row.Region));
        _caseKecamatan.Add(row.Kecamatan is null ? (ushort)0 : Intern(_kecamatans, row.Kecamatan));
        _caseAgency.Add(Intern(_agencies, row.Agency ?? string.Empty));
        _caseReportedDay.Add(IndicatorInput.Day(DistrictTime.BusinessDate(row.ReportedAt, _zone)));
        _caseOffenceDay.Add(IndicatorInput.Day(row.OffenceDate));
        _caseDestination.Add(row.Destination is null ? (ushort)0 : Intern(_countries, row.Destination));
        _casePurposes.Add(row.Purposes.Bits);
        _caseSimfoni.Add(row.SimfoniForms.Bits);
        _caseFrDue.Add(row.FirstResponse?.DueAt.ToUnixTimeTicks() ?? IndicatorInput.NoTicks);
        _caseFrAt.Add(row.FirstResponse?.RespondedAt?.ToUnixTimeTicks() ?? IndicatorInput.NoTicks);
        var m = row.Milestones ?? JusticeMilestones.None;
        _caseStages[0].Add(IndicatorInput.Day(m.LaporanPolisi));
        _caseStages[1].Add(IndicatorInput.Day(m.Spdp));
        _caseStages[2].Add(IndicatorInput.Day(m.P21));
        _caseStages[3].Add(IndicatorInput.Day(m.Putusan));
        _caseStages[4].Add(IndicatorInput.Day(m.Inkracht));
        _caseStages[5].Add(IndicatorInput.Day(m.RestitutionOrdered));
        _caseStages[6].Add(IndicatorInput.Day(m.RestitutionPaid));
        return c;
    }

    /// <summary>Adds a victim row to a case.</summary>
    /// <param name="caseNumber">The case's number from <see cref="AddCase(in CaseRow)"/>.</param>
    /// <param name="personKey">The person key as a 128-bit number.</param>
    /// <param name="linkable">Whether the key links records.</param>
    /// <param name="sex">The sex.</param>
    /// <param name="ageAtOffence">The age at the act, or <see langword="null"/>; ages above 254 count as unknown.</param>
    /// <param name="citizenship">The citizenship (alpha-2), or <see langword="null"/>.</param>
    /// <param name="migrant">The migrant-worker status.</param>
    /// <returns>The victim row's number in this builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="caseNumber"/> is not a case of this builder.</exception>
    public int AddVictim(int caseNumber, UInt128 personKey, bool linkable, Sex sex, int? ageAtOffence, string? citizenship, MigrantWorkerStatus migrant)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(caseNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(caseNumber, _caseIds.Count);
        if (!_personIndex.TryGetValue(personKey, out int p))
        {
            p = _personLinkable.Count;
            _personIndex.Add(personKey, p);
            _personLinkable.Add(linkable);
        }

        int v = _victimCase.Count;
        _victimCase.Add(caseNumber);
        _victimPerson.Add(p);
        _victimSex.Add((byte)sex);
        _victimAge.Add(ageAtOffence is { } a and >= 0 and < IndicatorInput.NoAge ? (byte)a : IndicatorInput.NoAge);
        _victimCitizenship.Add(citizenship is null ? (ushort)0 : Intern(_countries, citizenship));
        _victimMigrant.Add((byte)migrant);
        return v;
    }

    /// <summary>Adds a service to a victim row.</summary>
    /// <param name="victimRow">The victim row's number from <see cref="AddVictim"/>.</param>
    /// <param name="type">The service.</param>
    /// <param name="requestedOn">The request date.</param>
    /// <param name="dueOn">The due date, or <see langword="null"/>.</param>
    /// <param name="deliveredOn">The delivery date, or <see langword="null"/>.</param>
    /// <param name="endedOn">The refusal or referral date, or <see langword="null"/>.</param>
    public void AddService(int victimRow, ServiceType type, LocalDate requestedOn, LocalDate? dueOn, LocalDate? deliveredOn, LocalDate? endedOn)
    {
        _serviceVictim.Add(victimRow);
        _serviceType.Add((byte)type);
        _serviceRequested.Add(IndicatorInput.Day(requestedOn));
        _serviceDue.Add(IndicatorInput.Day(dueOn));
        _serviceDelivered.Add(IndicatorInput.Day(deliveredOn));
        _serviceEnded.Add(IndicatorInput.Day(endedOn));
    }

    /// <summary>Adds a referral to a case.</summary>
    /// <param name="caseNumber">The case's number.</param>
    /// <param name="sentOn">The date it was sent.</param>
    /// <param name="outcome">Its first decision.</param>
    /// <param name="decidedOn">The decision date, or <see langword="null"/>.</param>
    public void AddReferral(int caseNumber, LocalDate sentOn, ReferralOutcome outcome, LocalDate? decidedOn)
    {
        _referralCase.Add(caseNumber);
        _referralSent.Add(IndicatorInput.Day(sentOn));
        _referralOutcome.Add((byte)outcome);
        _referralDecided.Add(IndicatorInput.Day(decidedOn));
    }

    /// <summary>Adds a workflow deadline to a case.</summary>
    /// <param name="caseNumber">The case's number.</param>
    /// <param name="kind">The workflow and deadline id, e.g. <c>service.service_due</c> (at most 255 kinds).</param>
    /// <param name="startsOn">The start date.</param>
    /// <param name="dueOn">The due date.</param>
    /// <param name="dueAt">The due instant of an hour-based deadline, or <see langword="null"/>.</param>
    /// <param name="closedOn">The closing date, or <see langword="null"/>.</param>
    /// <exception cref="InvalidOperationException">More than 255 kinds of deadline.</exception>
    public void AddDeadline(int caseNumber, string kind, LocalDate startsOn, LocalDate dueOn, Instant? dueAt, LocalDate? closedOn)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (!_deadlineKinds.TryGetValue(kind, out byte k))
        {
            if (_deadlineKinds.Count >= byte.MaxValue)
            {
                throw new InvalidOperationException("At most 255 kinds of deadline.");
            }

            k = (byte)_deadlineKinds.Count;
            _deadlineKinds.Add(kind, k);
        }

        _deadlineCase.Add(caseNumber);
        _deadlineKind.Add(k);
        _deadlineStarts.Add(IndicatorInput.Day(startsOn));
        _deadlineDue.Add(IndicatorInput.Day(dueOn));
        _deadlineDueAt.Add(dueAt?.ToUnixTimeTicks() ?? IndicatorInput.NoTicks);
        _deadlineClosed.Add(IndicatorInput.Day(closedOn));
    }

    /// <summary>Parses a person key of 32 hex digits.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The key as a number.</returns>
    /// <exception cref="DomainValidationException">The key is not 32 hex digits (field <c>person_key</c>).</exception>
    public static UInt128 ParseKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != 32 || !UInt128.TryParse(key, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out UInt128 value))
        {
            throw new DomainValidationException("person_key", IndicatorsText.PersonKeyInvalid);
        }

        return value;
    }

    /// <summary>Builds the input: cases in report order, victims in case order, child tables grouped.</summary>
    /// <returns>The input; the builder should not be used afterwards.</returns>
    public IndicatorInput Build()
    {
        int n = _caseIds.Count;

        // Report order: by instant, ties by case id (ordinal).
        long[] keys = [.. _caseTicks];
        int[] order = [.. Enumerable.Range(0, n)];
        Array.Sort(keys, order);
        for (int i = 0; i < n;)
        {
            int j = i + 1;
            while (j < n && keys[j] == keys[i])
            {
                j++;
            }

            if (j - i > 1)
            {
                Array.Sort(order, i, j - i, Comparer<int>.Create((a, b) => string.CompareOrdinal(_caseIds[a], _caseIds[b])));
            }

            i = j;
        }

        int[] newOf = new int[n];
        for (int i = 0; i < n; i++)
        {
            newOf[order[i]] = i;
        }

        var input = new IndicatorInput(_zone)
        {
            Regions = Names(_regions),
            Kecamatans = Names(_kecamatans),
            Countries = Names(_countries),
            Agencies = Names(_agencies),
            DeadlineKinds = [.. _deadlineKinds.OrderBy(p => p.Value).Select(p => p.Key)],
            CaseType = Permute(_caseType, order),
            CaseFlags = Permute(_caseFlags, order),
            CaseRegion = Permute(_caseRegion, order),
            CaseKecamatan = Permute(_caseKecamatan, order),
            CaseAgency = Permute(_caseAgency, order),
            CaseReportedDay = Permute(_caseReportedDay, order),
            CaseOffenceDay = Permute(_caseOffenceDay, order),
            CaseDestination = Permute(_caseDestination, order),
            CasePurposes = Permute(_casePurposes, order),
            CaseSimfoni = Permute(_caseSimfoni, order),
            CaseFirstResponseDue = Permute(_caseFrDue, order),
            CaseFirstResponseAt = Permute(_caseFrAt, order),
            PersonLinkable = [.. _personLinkable],
        };

        int[] stages = new int[7 * n];
        for (int s = 0; s < 7; s++)
        {
            var col = _caseStages[s];
            for (int i = 0; i < n; i++)
            {
                stages[(s * n) + i] = col[order[i]];
            }
        }

        input.CaseStageDay = stages;

        // Victims: stable by new case number.
        int vCount = _victimCase.Count;
        int[] vOrder = CountingOrder(_victimCase, newOf, n);
        int[] vNewOf = new int[vCount];
        for (int i = 0; i < vCount; i++)
        {
            vNewOf[vOrder[i]] = i;
        }

        input.VictimCase = [.. vOrder.Select(v => newOf[_victimCase[v]])];
        input.VictimPerson = Permute(_victimPerson, vOrder);
        input.VictimSex = Permute(_victimSex, vOrder);
        input.VictimAge = Permute(_victimAge, vOrder);
        input.VictimCitizenship = Permute(_victimCitizenship, vOrder);
        input.VictimMigrant = Permute(_victimMigrant, vOrder);

        int[] sOrder = CountingOrder(_serviceVictim, vNewOf, vCount);
        input.VictimServiceStart = Starts(_serviceVictim, vNewOf, vCount);
        input.ServiceType = Permute(_serviceType, sOrder);
        input.ServiceRequested = Permute(_serviceRequested, sOrder);
        input.ServiceDue = Permute(_serviceDue, sOrder);
        input.ServiceDelivered = Permute(_serviceDelivered, sOrder);
        input.ServiceEnded = Permute(_serviceEnded, sOrder);

        int[] rOrder = CountingOrder(_referralCase, newOf, n);
        input.CaseReferralStart = Starts(_referralCase, newOf, n);
        input.ReferralSent = Permute(_referralSent, rOrder);
        input.ReferralOutcomeCode = Permute(_referralOutcome, rOrder);
        input.ReferralDecided = Permute(_referralDecided, rOrder);

        int[] dOrder = CountingOrder(_deadlineCase, newOf, n);
        input.CaseDeadlineStart = Starts(_deadlineCase, newOf, n);
        input.DeadlineKind = Permute(_deadlineKind, dOrder);
        input.DeadlineStarts = Permute(_deadlineStarts, dOrder);
        input.DeadlineDue = Permute(_deadlineDue, dOrder);
        input.DeadlineDueAt = Permute(_deadlineDueAt, dOrder);
        input.DeadlineClosed = Permute(_deadlineClosed, dOrder);
        return input;
    }

    private static ushort Intern(Dictionary<string, ushort> map, string value)
    {
        if (!map.TryGetValue(value, out ushort i))
        {
            if (map.Count >= ushort.MaxValue)
            {
                throw new InvalidOperationException("Too many distinct values in one column.");
            }

            i = (ushort)map.Count;
            map.Add(value, i);
        }

        return i;
    }

    private static string[] Names(Dictionary<string, ushort> map) => [.. map.OrderBy(p => p.Value).Select(p => p.Key)];

    private static T[] Permute<T>(List<T> source, int[] order)
    {
        var result = new T[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            result[i] = source[order[i]];
        }

        return result;
    }

    /// <summary>Returns the rows of a child table ordered stably by their parent's new number.</summary>
    private static int[] CountingOrder(List<int> parent, int[] newOf, int parents)
    {
        int[] starts = Starts(parent, newOf, parents);
        int[] next = (int[])starts.Clone();
        int[] order = new int[parent.Count];
        for (int i = 0; i < parent.Count; i++)
        {
            order[next[newOf[parent[i]]]++] = i;
        }

        return order;
    }

    /// <summary>Returns the start offsets (length parents + 1) of each parent's rows once ordered by parent.</summary>
    private static int[] Starts(List<int> parent, int[] newOf, int parents)
    {
        int[] starts = new int[parents + 1];
        foreach (int p in parent)
        {
            starts[newOf[p] + 1]++;
        }

        for (int i = 0; i < parents; i++)
        {
            starts[i + 1] += starts[i];
        }

        return starts;
    }
}
