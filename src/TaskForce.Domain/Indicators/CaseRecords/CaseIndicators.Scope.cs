using NodaTime;
using TaskForce.Domain.Common;

namespace TaskForce.Domain.Indicators;

/// <content>The rows a region and period select, and the persons of the period with their merged attributes.</content>
public static partial class CaseIndicators
{
    /// <summary>The rows of the input that a region and period select.</summary>
    private sealed class Scope
    {
        public Scope(IndicatorInput input, RegionCode region, ReportingPeriod period)
        {
            Input = input;
            Region = region;
            Period = period;
            FirstDay = IndicatorInput.Day(period.Start);
            LastDay = IndicatorInput.Day(period.End);
            EndTicks = period.End.PlusDays(1).AtStartOfDayInZone(input.Zone).ToInstant().ToUnixTimeTicks();
            var regionOk = new bool[input.Regions.Length];
            for (int i = 0; i < regionOk.Length; i++)
            {
                regionOk[i] = region.Covers(RegionCode.Parse(input.Regions[i]));
            }

            // Case selected = in region and consented (every indicator); reported in period = the cohort.
            Selected = new bool[input.CaseCount];
            InPeriod = new bool[input.CaseCount];
            for (int c = 0; c < input.CaseCount; c++)
            {
                if (!regionOk[input.CaseRegion[c]])
                {
                    continue;
                }

                CasesRead++;
                if ((input.CaseFlags[c] & IndicatorInput.FlagConsent) == 0)
                {
                    CasesWithoutConsent++;
                    continue;
                }

                Selected[c] = true;
                int day = input.CaseReportedDay[c];
                InPeriod[c] = day >= FirstDay && day <= LastDay;
            }
        }

        public IndicatorInput Input { get; }

        public RegionCode Region { get; }

        public ReportingPeriod Period { get; }

        public int FirstDay { get; }

        public int LastDay { get; }

        /// <summary>Gets the first instant after the period (exclusive end), as Unix ticks.</summary>
        public long EndTicks { get; }

        public bool[] Selected { get; }

        public bool[] InPeriod { get; }

        public int CasesRead { get; }

        public int CasesWithoutConsent { get; }

        public bool Trafficking(int c) => (Input.CaseFlags[c] & IndicatorInput.FlagTrafficking) != 0;
    }

    /// <summary>Persons of the period with their merged attributes (first known value in report order).</summary>
    private sealed class PersonAggregate
    {
        public PersonAggregate(int persons)
        {
            Seen = new bool[persons];
            Sex = new byte[persons];
            Age = new byte[persons];
            Citizenship = new ushort[persons];
            Destination = new ushort[persons];
            Migrant = new byte[persons];
            Purposes = new ushort[persons];
            Simfoni = new byte[persons];
            Agency = new ushort[persons];
            Several = new bool[persons];
            Trafficking = new bool[persons];
            FirstDay = new int[persons];
        }

        public List<int> Order { get; } = [];

        public bool[] Seen { get; }

        public byte[] Sex { get; }

        public byte[] Age { get; }

        public ushort[] Citizenship { get; }

        public ushort[] Destination { get; }

        public byte[] Migrant { get; }

        public ushort[] Purposes { get; }

        public byte[] Simfoni { get; }

        public ushort[] Agency { get; }

        public bool[] Several { get; }

        public bool[] Trafficking { get; }

        public int[] FirstDay { get; }

        public int Count => Order.Count;

        public int VictimRows { get; set; }

        public int SeveralAgencies { get; set; }

        public int Unlinkable { get; set; }
    }

    private static PersonAggregate Aggregate(Scope s, bool traffickingOnly)
    {
        var input = s.Input;
        var a = new PersonAggregate(input.PersonCount);
        for (int v = 0; v < input.VictimRowCount; v++)
        {
            int c = input.VictimCase[v];
            if (!s.InPeriod[c] || (traffickingOnly && !s.Trafficking(c)))
            {
                continue;
            }

            a.VictimRows++;
            int p = input.VictimPerson[v];
            if (!a.Seen[p])
            {
                a.Seen[p] = true;
                a.Order.Add(p);
                a.Age[p] = IndicatorInput.NoAge;
                a.Agency[p] = input.CaseAgency[c];
                a.FirstDay[p] = input.CaseReportedDay[c];
                if (!input.PersonLinkable[p])
                {
                    a.Unlinkable++;
                }
            }
            else if (!a.Several[p] && a.Agency[p] != input.CaseAgency[c])
            {
                a.Several[p] = true;
                a.SeveralAgencies++;
            }

            if (a.Sex[p] == 0)
            {
                a.Sex[p] = input.VictimSex[v];
            }

            if (a.Age[p] == IndicatorInput.NoAge)
            {
                a.Age[p] = input.VictimAge[v];
            }

            if (a.Citizenship[p] == 0)
            {
                a.Citizenship[p] = input.VictimCitizenship[v];
            }

            if (a.Destination[p] == 0)
            {
                a.Destination[p] = input.CaseDestination[c];
            }

            if (a.Migrant[p] == 0)
            {
                a.Migrant[p] = input.VictimMigrant[v];
            }

            a.Purposes[p] |= input.CasePurposes[c];
            a.Simfoni[p] |= input.CaseSimfoni[c];
            a.Trafficking[p] |= s.Trafficking(c);
        }

        return a;
    }
}
