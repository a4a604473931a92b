using System.Text;
using NodaTime;
using TaskForce.Domain.Cases;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Workflows;

namespace TaskForce.Bench.Indicators;

/// <summary>Reads the generated CSVs straight from bytes into an <see cref="IndicatorInput"/> (the loader a bulk
/// import would use): no per-field strings except case ids, small vocabularies interned.</summary>
internal static class Loader
{
    public static IndicatorInput Load(string dir)
    {
        var builder = new IndicatorInputBuilder(TaskForce.Domain.Common.DistrictTime.DefaultZone);
        var caseOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var strings = new Interner();
        var victimRow = new List<int>();

        string lastCase = string.Empty;
        int lastCaseNumber = -1;
        foreach (var f in Rows(Path.Combine(dir, "victims.csv")))
        {
            // row_id,case_id,agency,case_type,trafficking,region,kecamatan,consent,reported_at,offence_date,destination,purposes,simfoni,
            // fr_due,fr_at,lp,spdp,p21,putusan,inkracht,rest_ordered,rest_paid,person_key,linkable,sex,age,citizenship,migrant
            var caseIdSpan = f[1];
            int c;
            if (lastCaseNumber >= 0 && Same(caseIdSpan, lastCase))
            {
                c = lastCaseNumber;
            }
            else
            {
                string caseId = Encoding.ASCII.GetString(caseIdSpan);
                var due = Instant(f[13]);
                var row = new CaseRow(caseId, strings.Get(f[2]), CaseTypeOf(f[3]), f[4][0] == (byte)'1', strings.Get(f[5]),
                    f[6].Length == 0 ? null : strings.Get(f[6]), f[7][0] == (byte)'1', Instant(f[8])!.Value, Date(f[9]),
                    f[10].Length == 0 ? null : strings.Get(f[10]), new PurposeSet((ushort)Int(f[11])), new SimfoniFormSet((byte)Int(f[12])),
                    due is null ? null : new FirstResponseFact(due.Value, Instant(f[14])),
                    new JusticeMilestones(Date(f[15]), Date(f[16]), Date(f[17]), Date(f[18]), Date(f[19]), Date(f[20]), Date(f[21])));
                c = builder.AddCase(row);
                caseOf[caseId] = c;
                lastCase = caseId;
                lastCaseNumber = c;
            }

            int v = builder.AddVictim(c, Key(f[22]), f[23][0] == (byte)'1', SexOf(f[24]), f[25].Length == 0 ? null : Int(f[25]),
                f[26].Length == 0 ? null : strings.Get(f[26]), MigrantOf(f[27]));
            victimRow.Add(v);
        }

        foreach (var f in Rows(Path.Combine(dir, "services.csv")))
        {
            builder.AddService(victimRow[Int(f[0])], ServiceOf(f[1]), Date(f[2])!.Value, Date(f[3]), Date(f[4]), Date(f[5]));
        }

        foreach (var f in Rows(Path.Combine(dir, "referrals.csv")))
        {
            builder.AddReferral(caseOf[Encoding.ASCII.GetString(f[0])], Date(f[1])!.Value, OutcomeOf(f[2]), Date(f[3]));
        }

        foreach (var f in Rows(Path.Combine(dir, "deadlines.csv")))
        {
            builder.AddDeadline(caseOf[Encoding.ASCII.GetString(f[0])], strings.Get(f[1]), Date(f[2])!.Value, Date(f[3])!.Value, Instant(f[4]), Date(f[5]));
        }

        return builder.Build();
    }

    /// <summary>Fields of each data row (header skipped) as byte spans; no quoting (the generator writes none).</summary>
    private static IEnumerable<Fields> Rows(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        var buffer = new byte[1 << 22];
        int filled = 0;
        bool header = true;
        var fields = new Fields(buffer);
        while (true)
        {
            int n = stream.Read(buffer, filled, buffer.Length - filled);
            filled += n;
            int start = 0;
            while (true)
            {
                int nl = Array.IndexOf(buffer, (byte)'\n', start, filled - start);
                if (nl < 0)
                {
                    break;
                }

                if (!header)
                {
                    fields.Reset(start, nl);
                    yield return fields;
                }

                header = false;
                start = nl + 1;
            }

            Buffer.BlockCopy(buffer, start, buffer, 0, filled - start);
            filled -= start;
            if (n == 0)
            {
                yield break;
            }
        }
    }

    internal sealed class Fields
    {
        private readonly byte[] _buffer;
        private readonly int[] _starts = new int[40];
        private readonly int[] _ends = new int[40];

        public Fields(byte[] buffer) => _buffer = buffer;

        public void Reset(int start, int end)
        {
            byte[] buffer = _buffer;
            int i = 0, s = start;
            for (int p = start; p < end; p++)
            {
                if (buffer[p] == (byte)',')
                {
                    _starts[i] = s;
                    _ends[i++] = p;
                    s = p + 1;
                }
            }

            _starts[i] = s;
            _ends[i] = end;
        }

        public ReadOnlySpan<byte> this[int i] => _buffer.AsSpan(_starts[i], _ends[i] - _starts[i]);
    }

    private static bool Same(ReadOnlySpan<byte> bytes, string text)
    {
        if (bytes.Length != text.Length)
        {
            return false;
        }

        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != text[i])
            {
                return false;
            }
        }

        return true;
    }

    private static int Int(ReadOnlySpan<byte> s)
    {
        int v = 0;
        foreach (byte b in s)
        {
            v = (v * 10) + (b - '0');
        }

        return v;
    }

    private static LocalDate? Date(ReadOnlySpan<byte> s) =>
        s.Length == 0 ? null : new LocalDate(Int(s[..4]), Int(s[5..7]), Int(s[8..10]));

    private static Instant? Instant(ReadOnlySpan<byte> s) =>
        s.Length == 0 ? null : NodaTime.Instant.FromUtc(Int(s[..4]), Int(s[5..7]), Int(s[8..10]), Int(s[11..13]), Int(s[14..16]), Int(s[17..19]));

    private static UInt128 Key(ReadOnlySpan<byte> s)
    {
        UInt128 v = 0;
        foreach (byte b in s)
        {
            v = (v << 4) | (uint)(b <= '9' ? b - '0' : b - 'a' + 10);
        }

        return v;
    }

    private static CaseType CaseTypeOf(ReadOnlySpan<byte> s) => s[0] == (byte)'t' ? CaseType.Tppo : s[^1] == (byte)'n' && s[^2] == (byte)'e' && s[^3] == (byte)'m' ? CaseType.ViolenceAgainstWomen : CaseType.ViolenceAgainstChildren;

    private static Sex SexOf(ReadOnlySpan<byte> s) => s.Length == 0 ? Sex.Unknown : s[0] == (byte)'f' ? Sex.Female : Sex.Male;

    private static MigrantWorkerStatus MigrantOf(ReadOnlySpan<byte> s) => s.Length == 0 ? MigrantWorkerStatus.Unknown
        : s[0] == (byte)'p' ? MigrantWorkerStatus.Procedural : s[0] == (byte)'n' && s[1] == (byte)'o' && s[2] == (byte)'n' ? MigrantWorkerStatus.NonProcedural
        : MigrantWorkerStatus.NotMigrantWorker;

    private static ReferralOutcome OutcomeOf(ReadOnlySpan<byte> s) => s[0] switch
    {
        (byte)'a' => ReferralOutcome.Accepted,
        (byte)'r' when s[2] == (byte)'j' => ReferralOutcome.Rejected,
        (byte)'r' => ReferralOutcome.Revoked,
        _ => ReferralOutcome.InProgress,
    };

    private static readonly Dictionary<string, ServiceType> Services =
        Enum.GetValues<ServiceType>().ToDictionary(t => t.ToCode(), t => t, StringComparer.Ordinal);

    private static readonly Interner ServiceNames = new();

    private static ServiceType ServiceOf(ReadOnlySpan<byte> s) => Services[ServiceNames.Get(s)];

    /// <summary>Interns the few distinct values of a column without allocating a string per row.</summary>
    private sealed class Interner
    {
        private readonly Dictionary<ulong, string> _byHash = [];

        public string Get(ReadOnlySpan<byte> bytes)
        {
            ulong h = 14695981039346656037UL;
            foreach (byte b in bytes)
            {
                h = (h ^ b) * 1099511628211UL;
            }

            if (!_byHash.TryGetValue(h, out string? s))
            {
                s = Encoding.UTF8.GetString(bytes);
                _byHash.Add(h, s);
            }

            return s;
        }
    }
}
