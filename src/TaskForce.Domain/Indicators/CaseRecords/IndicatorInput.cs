using NodaTime;
using TaskForce.Domain.Common;

namespace TaskForce.Domain.Indicators;

/// <summary>
/// The case-record indicator input in columns: case facts once per case, victim facts once per victim row, services,
/// referrals and deadlines as child tables; persons as dense numbers, so a million victim records take about a
/// hundred bytes each and every indicator is one pass over arrays.
/// </summary>
/// <remarks>
/// <para>Build it with <see cref="From(IEnumerable{VictimCaseFact}, DateTimeZone)"/> or an
/// <see cref="IndicatorInputBuilder"/>. Cases are kept in report order — by <see cref="VictimCaseFact.ReportedAt"/>,
/// then by case id (ordinal) — and each case's victims in the order given, so "the earliest record of a person" is
/// the first row met in a forward pass.</para>
/// <para>No identity value is kept: persons are numbered by their key, and neither keys nor case ids are retained.</para>
/// </remarks>
/// <threadsafety>Immutable once built; safe to share between threads.</threadsafety>
public sealed class IndicatorInput
{
    /// <summary>The value standing for a missing business date in the day columns.</summary>
    internal const int NoDay = int.MinValue;

    /// <summary>The value standing for a missing instant in the tick columns.</summary>
    internal const long NoTicks = long.MinValue;

    /// <summary>The value standing for a missing age.</summary>
    internal const byte NoAge = byte.MaxValue;

    internal IndicatorInput(DateTimeZone zone) => Zone = zone;

    /// <summary>Gets the district zone in which business dates were taken.</summary>
    /// <value>Normally <c>Asia/Makassar</c>.</value>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the number of case records.</summary>
    /// <value>At least 0.</value>
    public int CaseCount => CaseType.Length;

    /// <summary>Gets the number of victim rows (one per victim per case record; cases without a victim have none).</summary>
    /// <value>At least 0.</value>
    public int VictimRowCount => VictimCase.Length;

    /// <summary>Gets the number of distinct person keys.</summary>
    /// <value>At most <see cref="VictimRowCount"/>.</value>
    public int PersonCount => PersonLinkable.Length;

    /// <summary>Gets the number of bytes held by the columns (arrays only, without object headers).</summary>
    /// <value>A lower bound of the input's memory.</value>
    public long ColumnBytes =>
        ((long)CaseCount * (1 + 1 + 2 + 2 + 2 + 4 + 4 + 2 + 2 + 1 + 8 + 8 + (7 * 4) + 4 + 4))
        + ((long)VictimRowCount * (4 + 4 + 1 + 1 + 2 + 1 + 4))
        + ((long)ServiceType.Length * (1 + 4 + 4 + 4 + 4))
        + ((long)ReferralSent.Length * (4 + 1 + 4))
        + ((long)DeadlineKind.Length * (1 + 4 + 4 + 8 + 4))
        + PersonCount;

    // Dictionaries (index 0 is "unknown" / none where it applies).
    internal string[] Regions { get; set; } = [];

    internal string[] Kecamatans { get; set; } = [];

    internal string[] Countries { get; set; } = [];

    internal string[] Agencies { get; set; } = [];

    internal string[] DeadlineKinds { get; set; } = [];

    // Case columns (report order).
    internal byte[] CaseType { get; set; } = [];

    internal byte[] CaseFlags { get; set; } = [];

    internal ushort[] CaseRegion { get; set; } = [];

    internal ushort[] CaseKecamatan { get; set; } = [];

    internal ushort[] CaseAgency { get; set; } = [];

    internal int[] CaseReportedDay { get; set; } = [];

    internal int[] CaseOffenceDay { get; set; } = [];

    internal ushort[] CaseDestination { get; set; } = [];

    internal ushort[] CasePurposes { get; set; } = [];

    internal byte[] CaseSimfoni { get; set; } = [];

    internal long[] CaseFirstResponseDue { get; set; } = [];

    internal long[] CaseFirstResponseAt { get; set; } = [];

    /// <summary>Gets the stage dates: <c>[stage * CaseCount + case]</c>, stages in <see cref="CaseIndicators.FunnelStages"/>
    /// order after <c>reported</c>.</summary>
    internal int[] CaseStageDay { get; set; } = [];

    internal int[] CaseReferralStart { get; set; } = [];

    internal int[] CaseDeadlineStart { get; set; } = [];

    // Victim columns (case order, then given order).
    internal int[] VictimCase { get; set; } = [];

    internal int[] VictimPerson { get; set; } = [];

    internal byte[] VictimSex { get; set; } = [];

    internal byte[] VictimAge { get; set; } = [];

    internal ushort[] VictimCitizenship { get; set; } = [];

    internal byte[] VictimMigrant { get; set; } = [];

    internal int[] VictimServiceStart { get; set; } = [];

    // Child tables.
    internal byte[] ServiceType { get; set; } = [];

    internal int[] ServiceRequested { get; set; } = [];

    internal int[] ServiceDue { get; set; } = [];

    internal int[] ServiceDelivered { get; set; } = [];

    internal int[] ServiceEnded { get; set; } = [];

    internal int[] ReferralSent { get; set; } = [];

    internal byte[] ReferralOutcomeCode { get; set; } = [];

    internal int[] ReferralDecided { get; set; } = [];

    internal byte[] DeadlineKind { get; set; } = [];

    internal int[] DeadlineStarts { get; set; } = [];

    internal int[] DeadlineDue { get; set; } = [];

    internal long[] DeadlineDueAt { get; set; } = [];

    internal int[] DeadlineClosed { get; set; } = [];

    // Persons.
    internal bool[] PersonLinkable { get; set; } = [];

    internal const byte FlagTrafficking = 1;
    internal const byte FlagConsent = 2;
    internal const byte FlagFirstResponse = 4;

    /// <summary>Builds the input from facts.</summary>
    /// <param name="facts">The facts, in any order. Cannot be <see langword="null"/>.</param>
    /// <param name="zone">The district zone for business dates.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">A person key is not 32 hex digits (field <c>person_key</c>).</exception>
    public static IndicatorInput From(IEnumerable<VictimCaseFact> facts, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var builder = new IndicatorInputBuilder(zone);
        foreach (var f in facts)
        {
            builder.Add(f);
        }

        return builder.Build();
    }

    internal static int Day(LocalDate date) => date.ToDateOnly().DayNumber;

    internal static int Day(LocalDate? date) => date is { } d ? Day(d) : NoDay;

    internal static LocalDate Date(int day) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(day));
}
