using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using NodaTime;
using NodaTime.Text;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Legal;
using TaskForce.Application.Resources;

namespace TaskForce.Application.Exports;

/// <summary>The export formats.</summary>
public enum ExportFormat
{
    /// <summary>SIMFONI-PPA-shaped CSV of victims by form of violence, sex and age group (aggregated, suppressed).</summary>
    Simfoni = 1,

    /// <summary>HTCDS v2.0 JSON of de-identified victim records, k-anonymous on the quasi-identifiers.</summary>
    Htcds = 2,

    /// <summary>CTDC-shaped CSV: the codebook's columns plus <c>count</c>, one row per combination, small cells withheld.</summary>
    Ctdc = 3,
}

/// <summary>What an export wrote.</summary>
/// <param name="Format">The format code: <c>simfoni</c>, <c>htcds</c> or <c>ctdc</c>.</param>
/// <param name="Region">The region selector.</param>
/// <param name="Period">The period label.</param>
/// <param name="SuppressionK">The threshold k applied.</param>
/// <param name="Persons">Distinct persons in the period that the export covers.</param>
/// <param name="Rows">Rows (CSV) or records (JSON) written.</param>
/// <param name="CellsSuppressed">Cells written with a withheld value (SIMFONI) or combinations left out (CTDC).</param>
/// <param name="PersonsWithheld">Persons not represented in a shown value (CTDC: in left-out combinations; HTCDS: in
/// records withheld for k-anonymity).</param>
public sealed record ExportReport(string Format, string Region, string Period, int SuppressionK, int Persons, int Rows, int CellsSuppressed, int PersonsWithheld);

/// <summary>
/// The exports of case-record data to the national and international standards: a SIMFONI-PPA-shaped CSV, HTCDS v2.0
/// JSON and a CTDC-shaped CSV. Every export counts de-duplicated, consented persons (the counting rules of
/// <see cref="CaseIndicators"/>) and carries no identity value (UU 21/2007 Pasal 44).
/// </summary>
/// <remarks>
/// <para>SIMFONI-PPA has no public import schema (docs/sources.md#simfoni-ppa [U]); the CSV follows the dimensions its
/// dashboards publish: form of violence (multi-select: a person counts once in each form), sex and age group
/// (SIMFONI-PPA groups, [U]), with the form's totals and margins, and the suppression rule of the snapshot over that
/// table (each form's cross with its margins).</para>
/// <para>HTCDS v2.0 is a record standard. Records carry only coarse fields (gender, age band <c>ageBroad</c>,
/// citizenship, type of exploitation, location of exploitation, migrant-worker status, year) and a record is withheld
/// when fewer than k records share its quasi-identifiers (gender, age band, citizenship, location, year): the
/// k-anonymity rule of CTDC's earlier global data set (docs/sources.md#ctdc).</para>
/// <para>The CTDC-shaped CSV aggregates the persons by the codebook variables TaskForce records (yearOfRegistration,
/// gender, ageBroad, citizenship, CountryOfExploitation as alpha-3, isForcedLabour, isSexualExploit, isOtherExploit);
/// the other variables are left empty (missing). A combination with fewer than k persons is left out, like CTDC's
/// "combinations with count &lt; k not published", and so are further combinations until none left out can be worked
/// out from the total and the one-way margins, which the snapshot publishes.</para>
/// </remarks>
public static class CaseExports
{
    private static readonly (SimfoniViolenceForm Form, string Code)[] SimfoniForms =
    [
        (SimfoniViolenceForm.Physical, "fisik"), (SimfoniViolenceForm.Psychological, "psikis"), (SimfoniViolenceForm.Sexual, "seksual"),
        (SimfoniViolenceForm.Exploitation, "eksploitasi"), (SimfoniViolenceForm.Trafficking, "trafficking"), (SimfoniViolenceForm.Neglect, "penelantaran"),
        (SimfoniViolenceForm.Other, "lainnya"),
    ];

    private static readonly (Sex Sex, string Code)[] SimfoniSexes = [(Sex.Female, "perempuan"), (Sex.Male, "laki_laki"), (Sex.Unknown, "tidak_diketahui")];

    /// <summary>Writes the SIMFONI-PPA-shaped CSV.</summary>
    /// <param name="input">The case-record input. Cannot be <see langword="null"/>.</param>
    /// <param name="region">The region selector.</param>
    /// <param name="period">The period.</param>
    /// <param name="k">The suppression threshold, at least 1.</param>
    /// <param name="writer">The destination.</param>
    /// <returns>What was written.</returns>
    /// <remarks>Columns: <c>periode, kode_wilayah, bentuk_kekerasan, jenis_kelamin, kelompok_umur, jumlah_korban,
    /// disensor</c>; <c>semua</c> marks a margin; a withheld count is empty with <c>disensor = ya</c>. Persons of every
    /// case type; a person with no form recorded is in <c>tidak_diketahui</c>.</remarks>
    public static ExportReport WriteSimfoniCsv(IndicatorInput input, RegionCode region, ReportingPeriod period, int k, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        CheckK(k);
        var persons = CaseIndicators.Persons(input, region, period, traffickingOnly: false);
        var ages = AgeGroups.Codes(AgeGrouping.SimfoniPpa);
        var forms = SimfoniForms.Select(f => f.Code).Append("tidak_diketahui").ToList();
        var problem = new SuppressionProblem();
        var rows = new List<(string Form, string Sex, string Age, long N, int Cell)>();
        for (int f = 0; f < forms.Count; f++)
        {
            var inForm = persons.Where(p => f < SimfoniForms.Length ? p.SimfoniForms.Contains(SimfoniForms[f].Form) : p.SimfoniForms.Bits == 0).ToList();
            int Add(string sex, string age, long n)
            {
                int cell = problem.AddCell(n);
                rows.Add((forms[f], sex, age, n, cell));
                return cell;
            }

            int total = Add("semua", "semua", inForm.Count);
            var sexCells = SimfoniSexes.Select(s => Add(s.Code, "semua", inForm.Count(p => p.Sex == s.Sex))).ToArray();
            var ageCells = ages.Select((a, i) => Add("semua", AgeLabel(a), inForm.Count(p => AgeGroups.IndexOf(AgeGrouping.SimfoniPpa, p.AgeAtOffence) == i))).ToArray();
            problem.AddTotal(total, sexCells);
            problem.AddTotal(total, ageCells);
            var cross = new int[SimfoniSexes.Length, ages.Count];
            for (int s = 0; s < SimfoniSexes.Length; s++)
            {
                for (int a = 0; a < ages.Count; a++)
                {
                    cross[s, a] = Add(SimfoniSexes[s].Code, AgeLabel(ages[a]),
                        inForm.Count(p => p.Sex == SimfoniSexes[s].Sex && AgeGroups.IndexOf(AgeGrouping.SimfoniPpa, p.AgeAtOffence) == a));
                }

                problem.AddTotal(sexCells[s], [.. Enumerable.Range(0, ages.Count).Select(a => cross[s, a])]);
            }

            for (int a = 0; a < ages.Count; a++)
            {
                problem.AddTotal(ageCells[a], [.. Enumerable.Range(0, SimfoniSexes.Length).Select(s => cross[s, a])]);
            }
        }

        var status = problem.Solve(k);
        using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }, leaveOpen: true);
        foreach (string h in new[] { "periode", "kode_wilayah", "bentuk_kekerasan", "jenis_kelamin", "kelompok_umur", "jumlah_korban", "disensor" })
        {
            csv.WriteField(h);
        }

        csv.NextRecord();
        int suppressed = 0;
        foreach (var r in rows)
        {
            bool hidden = status[r.Cell] != CellSuppression.None;
            suppressed += hidden ? 1 : 0;
            csv.WriteField(period.Label);
            csv.WriteField(region.Value);
            csv.WriteField(r.Form);
            csv.WriteField(r.Sex);
            csv.WriteField(r.Age);
            csv.WriteField(hidden ? string.Empty : r.N.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(hidden ? "ya" : "tidak");
            csv.NextRecord();
        }

        return new ExportReport("simfoni", region.Value, period.Label, k, persons.Count, rows.Count, suppressed, 0);

        static string AgeLabel(string code) => code == AgeGroups.Unknown ? "tidak_diketahui" : code;
    }

    /// <summary>Writes HTCDS v2.0 JSON of the period's trafficking victims.</summary>
    /// <param name="input">The case-record input. Cannot be <see langword="null"/>.</param>
    /// <param name="region">The region selector.</param>
    /// <param name="period">The period.</param>
    /// <param name="k">The k-anonymity threshold, at least 1.</param>
    /// <param name="generatedAt">The instant written as generation time.</param>
    /// <param name="stream">The destination (UTF-8 JSON).</param>
    /// <returns>What was written.</returns>
    public static ExportReport WriteHtcdsJson(IndicatorInput input, RegionCode region, ReportingPeriod period, int k, Instant generatedAt, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        CheckK(k);
        var persons = CaseIndicators.Persons(input, region, period, traffickingOnly: true);
        var records = persons.Select(p => (Person: p, Key: (Gender(p.Sex), AgeGroups.CodeOf(AgeGrouping.CtdcAgeBroad, p.AgeAtOffence), p.Citizenship ?? "", p.Destination ?? "", p.ReportedYear))).ToList();
        var groupSizes = records.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Count());
        var kept = records.Where(r => groupSizes[r.Key] >= k).ToList();

        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("standard", "HTCDS v2.0");
        w.WriteString("region", region.Value);
        w.WriteStartObject("period");
        w.WriteString("label", period.Label);
        w.WriteString("start", LocalDatePattern.Iso.Format(period.Start));
        w.WriteString("end", LocalDatePattern.Iso.Format(period.End));
        w.WriteEndObject();
        w.WriteString("generated_at", InstantPattern.ExtendedIso.Format(generatedAt));
        w.WriteNumber("k", k);
        w.WriteStartArray("quasi_identifiers");
        foreach (string q in new[] { "prs_gender", "vic_AgeWhenTrafficked", "prs_citizenship", "vic_LocationOfExploitation", "x_year_of_registration" })
        {
            w.WriteStringValue(q);
        }

        w.WriteEndArray();
        if (records.Count > 0 && records.Count < k)
        {
            // A total below k is withheld as in the snapshot; nothing can be kept then anyway.
            w.WriteNull("records_total");
            w.WriteNull("records_withheld");
        }
        else
        {
            w.WriteNumber("records_total", records.Count);
            w.WriteNumber("records_withheld", records.Count - kept.Count);
        }
        w.WriteStartArray("victims");
        int n = 0;
        foreach (var (p, _) in kept)
        {
            n++;
            w.WriteStartObject();
            w.WriteString("id", "v" + n.ToString(CultureInfo.InvariantCulture));
            w.WriteString("prs_gender", Gender(p.Sex));
            WriteOptional(w, "vic_AgeWhenTrafficked", p.AgeAtOffence is null ? null : AgeGroups.CodeOf(AgeGrouping.CtdcAgeBroad, p.AgeAtOffence));
            WriteOptional(w, "prs_citizenship", p.Citizenship);
            w.WriteStartArray("vic_TypeOfExploitation");
            foreach (string t in HtcdsExploitation(p.Purposes))
            {
                w.WriteStringValue(t);
            }

            w.WriteEndArray();
            WriteOptional(w, "vic_LocationOfExploitation", p.Destination);
            w.WriteString("x_migrant_worker_status", p.MigrantWorkerStatus.ToCode());
            w.WriteNumber("x_year_of_registration", p.ReportedYear);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        return new ExportReport("htcds", region.Value, period.Label, k, persons.Count, kept.Count, 0, records.Count - kept.Count);

        static string Gender(Sex s) => s switch { Sex.Female => "Feminine", Sex.Male => "Masculine", _ => "Not specified/Unknown" };
    }

    /// <summary>Writes the CTDC-shaped CSV of the period's trafficking victims.</summary>
    /// <param name="input">The case-record input. Cannot be <see langword="null"/>.</param>
    /// <param name="region">The region selector.</param>
    /// <param name="period">The period.</param>
    /// <param name="k">The suppression threshold, at least 1.</param>
    /// <param name="writer">The destination.</param>
    /// <returns>What was written.</returns>
    public static ExportReport WriteCtdcCsv(IndicatorInput input, RegionCode region, ReportingPeriod period, int k, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        CheckK(k);
        var persons = CaseIndicators.Persons(input, region, period, traffickingOnly: true);
        var combos = persons
            .GroupBy(p => (p.ReportedYear, Gender: p.Sex, Age: AgeGroups.CodeOf(AgeGrouping.CtdcAgeBroad, p.AgeAtOffence), Cit: p.Citizenship ?? "", Coe: p.Destination ?? "",
                Forms: ExploitationForms.Of(p.Purposes)))
            .Select(g => (g.Key, N: (long)g.Count()))
            .OrderBy(c => c.Key.ReportedYear).ThenBy(c => c.Key.Gender).ThenBy(c => AgeGroups.Codes(AgeGrouping.CtdcAgeBroad).ToList().IndexOf(c.Key.Age))
            .ThenBy(c => c.Key.Cit, StringComparer.Ordinal).ThenBy(c => c.Key.Coe, StringComparer.Ordinal).ThenBy(c => c.Key.Forms)
            .ToList();

        // Cells: the combinations; public: the total and each one-way margin the snapshot shows (count >= k).
        var problem = new SuppressionProblem();
        var cells = combos.Select(c => problem.AddCell(c.N)).ToArray();
        void Margin<T>(Func<int, T> key)
        {
            foreach (var g in Enumerable.Range(0, combos.Count).GroupBy(key))
            {
                long n = g.Sum(i => combos[i].N);
                if (n >= k)
                {
                    problem.AddTotal(problem.AddCell(n, suppressible: false), [.. g.Select(i => cells[i])]);
                }
            }
        }

        Margin(_ => 0);
        Margin(i => combos[i].Key.Gender);
        Margin(i => combos[i].Key.Age);
        Margin(i => combos[i].Key.Cit);
        Margin(i => combos[i].Key.Coe);
        foreach (var form in new[] { CaseExploitationForms.SexualExploitation, CaseExploitationForms.ForcedLabour, CaseExploitationForms.Other })
        {
            var members = Enumerable.Range(0, combos.Count).Where(i => (combos[i].Key.Forms & form) != 0).ToList();
            long n = members.Sum(i => combos[i].N);
            if (n >= k)
            {
                problem.AddTotal(problem.AddCell(n, suppressible: false), [.. members.Select(i => cells[i])]);
            }
        }

        var status = problem.Solve(k);
        using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }, leaveOpen: true);
        foreach (string h in CtdcCodebook.Variables.Append("count"))
        {
            csv.WriteField(h);
        }

        csv.NextRecord();
        int written = 0, left = 0, withheld = 0;
        for (int i = 0; i < combos.Count; i++)
        {
            var (key, n) = combos[i];
            if (status[cells[i]] != CellSuppression.None)
            {
                left++;
                withheld += (int)n;
                continue;
            }

            written++;
            foreach (string v in CtdcCodebook.Variables)
            {
                csv.WriteField(v switch
                {
                    "yearOfRegistration" => key.ReportedYear.ToString(CultureInfo.InvariantCulture),
                    "gender" => key.Gender switch { Sex.Female => "Woman", Sex.Male => "Man", _ => string.Empty },
                    "ageBroad" => CtdcCodebook.AgeBroadLabel(key.Age),
                    "citizenship" => key.Cit.Length == 0 ? string.Empty : IsoAlpha3.Of(CountryCode.Parse(key.Cit, "citizenship")),
                    "CountryOfExploitation" => key.Coe.Length == 0 ? string.Empty : IsoAlpha3.Of(CountryCode.Parse(key.Coe, "destination")),
                    "isForcedLabour" => (key.Forms & CaseExploitationForms.ForcedLabour) != 0 ? "1" : string.Empty,
                    "isSexualExploit" => (key.Forms & CaseExploitationForms.SexualExploitation) != 0 ? "1" : string.Empty,
                    "isOtherExploit" => (key.Forms & CaseExploitationForms.Other) != 0 ? "1" : string.Empty,
                    _ => string.Empty,
                });
            }

            csv.WriteField(n.ToString(CultureInfo.InvariantCulture));
            csv.NextRecord();
        }

        return new ExportReport("ctdc", region.Value, period.Label, k, persons.Count, written, left, withheld);
    }

    /// <summary>Returns the HTCDS v2.0 types of exploitation of a set of UU 21/2007 purposes.</summary>
    /// <param name="purposes">The purposes.</param>
    /// <returns>Distinct HTCDS values in a fixed order: Sexual exploitation, Forced labour, Servitude, Organ removal,
    /// Forced adoption, Other.</returns>
    public static IReadOnlyList<string> HtcdsExploitation(PurposeSet purposes)
    {
        var result = new List<string>();
        void Add(bool present, string value)
        {
            if (present)
            {
                result.Add(value);
            }
        }

        Add(purposes.Contains(ExploitationPurpose.SexualExploitation) || purposes.Contains(ExploitationPurpose.Prostitution), "Sexual exploitation");
        Add(purposes.Contains(ExploitationPurpose.ForcedLabour) || purposes.Contains(ExploitationPurpose.ForcedServices), "Forced labour");
        Add(purposes.Contains(ExploitationPurpose.Slavery) || purposes.Contains(ExploitationPurpose.SlaveryLikePractice), "Servitude");
        Add(purposes.Contains(ExploitationPurpose.OrganRemoval), "Organ removal");
        Add(purposes.Contains(ExploitationPurpose.IllegalAdoption), "Forced adoption");
        Add(purposes.ToList().Any(p => p is ExploitationPurpose.Oppression or ExploitationPurpose.Extortion or ExploitationPurpose.PhysicalExploitation
            or ExploitationPurpose.ReproductiveOrganExploitation or ExploitationPurpose.Other), "Other");
        return result;
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void CheckK(int k)
    {
        if (k < 1)
        {
            throw new DomainValidationException("k", Texts.Format(SnapshotsText.CaseExportsSuppressionThresholdKMust, k));
        }
    }
}
