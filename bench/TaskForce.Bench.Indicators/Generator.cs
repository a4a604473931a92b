using System.Globalization;
using System.Text;

namespace TaskForce.Bench.Indicators;

/// <summary>
/// Seeded generator of synthetic victim records with realistic shapes for a district task force: most cases have one
/// victim, one victim in twelve is recorded again by another agency, dates spread over 2023-2025 at any hour (so WITA
/// day boundaries matter), values missing at the rates field data shows (sex 5 %, age 12 %, offence date 15 %).
/// Writes victims.csv (one row per victim, case columns repeated), services.csv, referrals.csv and deadlines.csv.
/// </summary>
internal static class Generator
{
    private static readonly string[] Agencies = ["police:Polres TTU", "uptd_ppa:UPTD PPA TTU", "dinas_sosial:Dinas Sosial TTU", "bp3mi:BP3MI NTT", "ngo:Yayasan Amnaut Bife Kuan", "village:Desa Oelami"];
    private static readonly string[] ServiceTypes =
    [
        "pengaduan_masyarakat", "penjangkauan_korban", "pengelolaan_kasus", "penampungan_sementara", "mediasi", "pendampingan_korban",
        "rehabilitasi_kesehatan", "rehabilitasi_sosial", "pemulangan", "reintegrasi_sosial", "bantuan_hukum", "pertolongan_pertama",
    ];

    private static readonly double[] ServiceWeights = [10, 8, 12, 6, 3, 14, 9, 11, 7, 5, 10, 5];
    private static readonly bool[] Statutory = [false, false, false, false, false, false, true, true, true, true, false, true];

    public static void Write(int victims, string dir, int seed)
    {
        Directory.CreateDirectory(dir);
        var rng = new Random(seed);
        var inv = CultureInfo.InvariantCulture;
        using var v = new StreamWriter(Path.Combine(dir, "victims.csv"), false, new UTF8Encoding(false), 1 << 20);
        using var s = new StreamWriter(Path.Combine(dir, "services.csv"), false, new UTF8Encoding(false), 1 << 20);
        using var r = new StreamWriter(Path.Combine(dir, "referrals.csv"), false, new UTF8Encoding(false), 1 << 20);
        using var d = new StreamWriter(Path.Combine(dir, "deadlines.csv"), false, new UTF8Encoding(false), 1 << 20);
        v.Write("row_id,case_id,agency,case_type,trafficking,region,kecamatan,consent,reported_at,offence_date,destination,purposes,simfoni,fr_due,fr_at,lp,spdp,p21,putusan,inkracht,rest_ordered,rest_paid,person_key,linkable,sex,age,citizenship,migrant\n");
        s.Write("row_id,service_type,requested,due,delivered,ended\n");
        r.Write("case_id,sent,outcome,decided\n");
        d.Write("case_id,kind,starts,due,due_at,closed\n");

        var start = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-8); // 1 Jan 2023 00:00 WITA
        double spanSeconds = (new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-8) - start).TotalSeconds;
        int cases = (int)(victims / 1.3);
        var times = new long[cases];
        for (int c = 0; c < cases; c++)
        {
            times[c] = (long)(rng.NextDouble() * spanSeconds);
        }

        Array.Sort(times);
        var recent = new List<(UInt128 Key, bool Linkable, string Sex, int? Age, string? Cit)>();
        int row = 0;
        var line = new StringBuilder(512);
        for (int c = 0; c < cases && row < victims; c++)
        {
            var reportedAt = start.AddSeconds(times[c]);
            var witaDate = DateOnly.FromDateTime(reportedAt.AddHours(8));
            string caseId = "c" + c.ToString("D7", inv);
            string agency = Agencies[Pick(rng, [30, 30, 12, 10, 12, 6])];
            int typeIdx = Pick(rng, [40, 30, 30]);
            string type = typeIdx switch { 0 => "tppo", 1 => "violence_against_women", _ => "violence_against_children" };
            bool violenceTrafficking = typeIdx != 0 && rng.NextDouble() < 0.05;
            bool trafficking = typeIdx == 0 || violenceTrafficking;
            string region = rng.NextDouble() < 0.9 ? "53.03" : "53.04";
            double kr = rng.NextDouble();
            string kec = kr < 0.07 ? "" : kr < 0.10 ? $"53.04.{rng.Next(1, 13):D2}" : $"53.03.{Zipf(rng, 24):D2}";
            bool consent = rng.NextDouble() < 0.92;
            string offence = rng.NextDouble() < 0.85 ? Date(witaDate.AddDays(-(int)Math.Min(900, -Math.Log(1 - rng.NextDouble()) * 30))) : "";
            string dest = trafficking ? Choice(rng, ["MY", "SG", "ID", "HK", ""], [60, 5, 15, 2, 18]) : (rng.NextDouble() < 0.05 ? "ID" : "");
            int purposes = trafficking
                ? Pick(rng, [35, 45, 8, 4, 8]) switch { 0 => rng.NextDouble() < 0.7 ? 1 : 2, 1 => rng.NextDouble() < 0.8 ? 4 : 8 | 16, 2 => 1 | 4, 3 => 1 << rng.Next(6, 13), _ => 0 }
                : (rng.NextDouble() < 0.1 ? 1 : 0);
            int simfoni = trafficking ? 1 << 4 : 0;
            if (typeIdx != 0)
            {
                simfoni |= 1 << Choice(rng, [0, 1, 2, 5], [30, 30, 30, 10]);
                if (rng.NextDouble() < 0.3)
                {
                    simfoni |= 1 << 1;
                }
            }

            // First response (case management on 90 % of cases): due 0, 6 or 24 hours after the report.
            string frDue = "", frAt = "";
            if (rng.NextDouble() < 0.9)
            {
                var due = reportedAt.AddHours(Choice(rng, [0, 6, 24], [15, 45, 40]));
                frDue = Instant(due);
                if (rng.NextDouble() < 0.97)
                {
                    frAt = Instant(reportedAt.AddMinutes(rng.Next(0, 60 * 30)));
                }

                d.Write(caseId + ",case_management.first_response," + Date(witaDate) + "," + Date(DateOnly.FromDateTime(due.AddHours(8))) + "," + frDue + ","
                    + (frAt.Length == 0 ? "" : Date(DateOnly.FromDateTime(DateTime.Parse(frAt, inv, DateTimeStyles.AdjustToUniversal).AddHours(8)))) + "\n");
            }

            // Justice funnel: each stage a share of the previous one, dates increasing.
            var stages = new string[7];
            var day = witaDate;
            double[] p = typeIdx == 0 ? [0.55, 0.7, 0.5, 0.7, 0.8, 0.3, 0.4] : [0.35, 0.6, 0.5, 0.7, 0.8, 0.05, 0.4];
            for (int st = 0; st < 7; st++)
            {
                bool previous = st == 0 || stages[st == 5 ? 3 : st == 6 ? 5 : st - 1].Length > 0;
                if (previous && rng.NextDouble() < p[st])
                {
                    day = day.AddDays(rng.Next(1, st == 0 ? 10 : 60));
                    stages[st] = Date(day);
                }
                else
                {
                    stages[st] = "";
                }
            }

            if (stages[5].Length > 0)
            {
                var notice = DateOnly.Parse(stages[5], inv).AddDays(20);
                d.Write(caseId + ",restitution.restitution_payment_due," + Date(notice) + "," + Date(notice.AddDays(13)) + ",," + stages[6] + "\n");
            }

            if (rng.NextDouble() < 0.25)
            {
                var sent = witaDate.AddDays(rng.Next(0, 6));
                int o = Pick(rng, [60, 20, 5, 15]);
                string outcome = o switch { 0 => "accepted", 1 => "rejected", 2 => "revoked", _ => "in_progress" };
                r.Write(caseId + "," + Date(sent) + "," + outcome + "," + (o == 3 ? "" : Date(sent.AddDays(rng.Next(1, 11)))) + "\n");
            }

            int nVictims = Pick(rng, [80, 12, 4, 2, 2]) + 1;
            for (int k = 0; k < nVictims && row < victims; k++)
            {
                UInt128 key;
                bool linkable;
                string sex;
                int? age;
                string? cit;
                if (recent.Count > 100 && rng.NextDouble() < 0.08)
                {
                    var again = recent[rng.Next(recent.Count)];
                    (key, linkable) = (again.Key, again.Linkable);
                    // Another agency's record of the same person: values may be missing or recorded differently.
                    sex = rng.NextDouble() < 0.3 ? "" : again.Sex;
                    age = rng.NextDouble() < 0.3 ? null : again.Age;
                    cit = rng.NextDouble() < 0.3 ? null : again.Cit;
                }
                else
                {
                    key = new UInt128((ulong)rng.NextInt64(), (ulong)rng.NextInt64());
                    linkable = rng.NextDouble() < 0.85;
                    sex = Choice(rng, ["female", "male", ""], [62, 33, 5]);
                    age = rng.NextDouble() < 0.12 ? null : rng.NextDouble() < 0.3 ? rng.Next(0, 18) : rng.Next(18, 66);
                    cit = Choice<string?>(rng, ["ID", "TL", "MY", "PH", null], [93, 3, 0.5, 0.5, 3]);
                    recent.Add((key, linkable, sex, age, cit));
                    if (recent.Count > 2000)
                    {
                        recent.RemoveAt(0);
                    }
                }

                string migrant = trafficking
                    ? Choice(rng, ["non_procedural", "procedural", "not_migrant_worker", ""], [45, 10, 20, 25])
                    : Choice(rng, ["not_migrant_worker", ""], [80, 20]);
                line.Clear();
                line.Append(row.ToString(inv)).Append(',').Append(caseId).Append(',').Append(agency).Append(',').Append(type).Append(',')
                    .Append(trafficking ? '1' : '0').Append(',').Append(region).Append(',').Append(kec).Append(',').Append(consent ? '1' : '0').Append(',')
                    .Append(Instant(reportedAt)).Append(',').Append(offence).Append(',').Append(dest).Append(',').Append(purposes.ToString(inv)).Append(',')
                    .Append(simfoni.ToString(inv)).Append(',').Append(frDue).Append(',').Append(frAt);
                foreach (string stage in stages)
                {
                    line.Append(',').Append(stage);
                }

                line.Append(',').Append(key.ToString("x32", inv)).Append(',').Append(linkable ? '1' : '0').Append(',').Append(sex).Append(',')
                    .Append(age?.ToString(inv) ?? "").Append(',').Append(cit ?? "").Append(',').Append(migrant).Append('\n');
                v.Write(line);

                int services = Pick(rng, [40, 35, 20, 5]);
                for (int x = 0; x < services; x++)
                {
                    int t = Pick(rng, ServiceWeights);
                    var requested = witaDate.AddDays(rng.Next(0, 11));
                    string due = Statutory[t] ? Date(requested.AddDays(6)) : "";
                    double u = rng.NextDouble();
                    string delivered = u < 0.75 ? Date(requested.AddDays(rng.Next(0, 13))) : "";
                    string ended = u >= 0.75 && u < 0.85 ? Date(requested.AddDays(rng.Next(1, 6))) : "";
                    s.Write(row.ToString(inv) + "," + ServiceTypes[t] + "," + Date(requested) + "," + due + "," + delivered + "," + ended + "\n");
                    if (due.Length > 0)
                    {
                        d.Write(caseId + ",service.service_due," + Date(requested) + "," + due + ",," + (delivered.Length > 0 ? delivered : ended) + "\n");
                    }
                }

                row++;
            }
        }
    }

    private static int Pick(Random rng, double[] weights)
    {
        double x = rng.NextDouble() * weights.Sum();
        for (int i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static T Choice<T>(Random rng, T[] values, double[] weights) => values[Pick(rng, weights)];

    private static int Zipf(Random rng, int n)
    {
        double total = 0;
        for (int i = 1; i <= n; i++)
        {
            total += 1.0 / i;
        }

        double x = rng.NextDouble() * total;
        for (int i = 1; i <= n; i++)
        {
            x -= 1.0 / i;
            if (x < 0)
            {
                return i;
            }
        }

        return n;
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Instant(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
