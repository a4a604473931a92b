using TaskForce.Domain.Cases;
using TaskForce.Domain.Workflows;

namespace TaskForce.Domain.Indicators;

/// <content>The <c>statutory_services_timeliness</c>, <c>statutory_services_on_time</c> and <c>services_delivered</c> families.</content>
public static partial class CaseIndicators
{
    private static void AddStatutoryServices(CellSet cells, Scope s)
    {
        // Persons of trafficking cases with a UU 21/2007 Pasal 52-53 request in the period; worst status wins:
        // late > pending > met > stopped.
        var input = s.Input;
        var status = new sbyte[input.PersonCount];
        Array.Fill(status, (sbyte)-1);
        var seen = new List<int>();
        for (int v = 0; v < input.VictimRowCount; v++)
        {
            int c = input.VictimCase[v];
            if (!s.Selected[c] || !s.Trafficking(c))
            {
                continue;
            }

            for (int i = input.VictimServiceStart[v]; i < input.VictimServiceStart[v + 1]; i++)
            {
                int requested = input.ServiceRequested[i];
                int due = input.ServiceDue[i];
                if (due == IndicatorInput.NoDay || requested < s.FirstDay || requested > s.LastDay
                    || !ServiceWorkflow.HasStatutoryLimit((ServiceType)input.ServiceType[i]))
                {
                    continue;
                }

                int st = ServiceStatus(input.ServiceDelivered[i], input.ServiceEnded[i], due, s.LastDay);
                int p = input.VictimPerson[v];
                if (status[p] < 0)
                {
                    seen.Add(p);
                }

                status[p] = (sbyte)Math.Max(status[p], Rank(st));
            }
        }

        long[] byStatus = new long[4]; // met, late, pending, stopped
        foreach (int p in seen)
        {
            byStatus[status[p] switch { 3 => 1, 2 => 2, 1 => 0, _ => 3 }]++;
        }

        const string id = IndicatorIds.StatutoryServicesTimeliness;
        int total = cells.Count(id, "persons", seen.Count);
        var parts = Enumerable.Range(0, 4).Select(i => cells.Count(id, "persons", byStatus[i], ("status", TimelinessStatuses[i]))).ToArray();
        cells.Total(total, parts);
        cells.Rate(IndicatorIds.StatutoryServicesOnTime, parts[0], [parts[0], parts[1]], 100m, 1);

        static int Rank(int st) => st switch { 1 => 3, 2 => 2, 0 => 1, _ => 0 };
    }

    /// <summary>0 met, 1 late, 2 pending, 3 stopped, as of the last day.</summary>
    private static int ServiceStatus(int delivered, int ended, int due, int asOf)
    {
        if (delivered != IndicatorInput.NoDay && delivered <= asOf)
        {
            return delivered <= due ? 0 : 1;
        }

        if (ended != IndicatorInput.NoDay && ended <= asOf)
        {
            return ended <= due ? 3 : 1;
        }

        return asOf > due ? 1 : 2;
    }

    private static void AddServicesDelivered(CellSet cells, Scope s)
    {
        var input = s.Input;
        var mask = new ushort[input.PersonCount];
        var seen = new List<int>();
        for (int v = 0; v < input.VictimRowCount; v++)
        {
            int c = input.VictimCase[v];
            if (!s.Selected[c])
            {
                continue;
            }

            for (int i = input.VictimServiceStart[v]; i < input.VictimServiceStart[v + 1]; i++)
            {
                int d = input.ServiceDelivered[i];
                if (d == IndicatorInput.NoDay || d < s.FirstDay || d > s.LastDay)
                {
                    continue;
                }

                int p = input.VictimPerson[v];
                if (mask[p] == 0)
                {
                    seen.Add(p);
                }

                mask[p] |= (ushort)(1 << (input.ServiceType[i] - 1));
            }
        }

        const string id = IndicatorIds.ServicesDelivered;
        cells.Count(id, "persons", seen.Count);
        foreach (var type in Enum.GetValues<ServiceType>())
        {
            int bit = 1 << ((int)type - 1);
            cells.Count(id, "persons", seen.Count(p => (mask[p] & bit) != 0), ("service_type", type.ToCode()));
        }
    }
}
