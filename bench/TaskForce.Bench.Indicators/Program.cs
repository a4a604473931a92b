using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using TaskForce.Bench.Indicators;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;

// Usage:
//   generate N DIR SEED        write the synthetic CSVs
//   dotnet DIR OUT.json        TaskForce: load into IndicatorInput, compute the catalogue (k = 1 to compare, k = 11 timed)
//   duckdb DIR OUT.json        DuckDB (in-process, in-memory): load the CSVs into tables, run catalogue.sql
//   report RESULTS_DIR OUT.md COMMAND   compare the cells of every engine and size, write the results table
var inv = CultureInfo.InvariantCulture;
switch (args[0])
{
    case "generate":
        Generator.Write(int.Parse(args[1], inv), args[2], int.Parse(args[3], inv));
        return 0;
    case "dotnet":
        return RunDotnet(args[1], args[2]);
    case "duckdb":
        return RunDuckDb(args[1], args[2]);
    case "report":
        return Report.Write(args[1], args[2], args[3]);
    default:
        Console.Error.WriteLine("unknown mode " + args[0]);
        return 2;
}

static int RunDotnet(string dir, string outPath)
{
    var region = RegionCode.Parse("53.03");
    var period = ReportingPeriod.Parse("2025");
    long before = GC.GetTotalMemory(forceFullCollection: true);
    var sw = Stopwatch.StartNew();
    var input = Loader.Load(dir);
    double load = sw.Elapsed.TotalSeconds;
    long after = GC.GetTotalMemory(forceFullCollection: true);
    int rows = input.VictimRowCount;

    sw.Restart();
    var cold = CaseIndicators.Compute(input, region, period, new CaseIndicatorOptions { SuppressionK = 11 });
    double coldCompute = sw.Elapsed.TotalSeconds;
    double best11 = double.MaxValue, best1 = double.MaxValue;
    CaseIndicatorResult? counts = null;
    for (int i = 0; i < 3; i++)
    {
        sw.Restart();
        _ = CaseIndicators.Compute(input, region, period, new CaseIndicatorOptions { SuppressionK = 11 });
        best11 = Math.Min(best11, sw.Elapsed.TotalSeconds);
        sw.Restart();
        counts = CaseIndicators.Compute(input, region, period, new CaseIndicatorOptions { SuppressionK = 1 });
        best1 = Math.Min(best1, sw.Elapsed.TotalSeconds);
    }

    var cells = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
    foreach (var c in counts!.Cells.Where(c => c.Unit is "persons" or "cases" or "referrals" && c.Id != "ctdc_global_victims"))
    {
        cells[c.Id + "|" + string.Join(";", c.Disaggregation.Select(d => d.Key + "=" + d.Value))] = c.Value!.Value;
    }

    GC.KeepAlive(input);
    Write(outPath, new Dictionary<string, object>
    {
        ["engine"] = "taskforce",
        ["rows"] = rows,
        ["load_s"] = load,
        ["compute_s"] = best11,
        ["compute_counts_only_s"] = best1,
        ["compute_cold_s"] = coldCompute,
        ["peak_mb"] = PeakMb(),
        ["bytes_per_record"] = (double)(after - before) / rows,
        ["column_bytes_per_record"] = (double)input.ColumnBytes / rows,
        ["cells_withheld_k11"] = cold.Cells.Count(c => c.Suppressed),
        ["cells"] = cells,
    });
    return 0;
}

static int RunDuckDb(string dir, string outPath)
{
    using var conn = new DuckDBConnection("Data Source=:memory:");
    conn.Open();
    string F(string name) => Path.GetFullPath(Path.Combine(dir, name)).Replace("'", "''", StringComparison.Ordinal);
    var sw = Stopwatch.StartNew();
    Exec(conn, $$"""
        CREATE TABLE victims AS SELECT * FROM read_csv('{{F("victims.csv")}}', header = true, auto_detect = false, delim = ',', dateformat = '%Y-%m-%d', timestampformat = '%Y-%m-%dT%H:%M:%SZ', columns = {
          'row_id': 'INTEGER', 'case_id': 'VARCHAR', 'agency': 'VARCHAR', 'case_type': 'VARCHAR', 'trafficking': 'TINYINT', 'region': 'VARCHAR',
          'kecamatan': 'VARCHAR', 'consent': 'TINYINT', 'reported_at': 'TIMESTAMP', 'offence_date': 'DATE', 'destination': 'VARCHAR',
          'purposes': 'INTEGER', 'simfoni': 'INTEGER', 'fr_due': 'TIMESTAMP', 'fr_at': 'TIMESTAMP', 'lp': 'DATE', 'spdp': 'DATE', 'p21': 'DATE',
          'putusan': 'DATE', 'inkracht': 'DATE', 'rest_ordered': 'DATE', 'rest_paid': 'DATE', 'person_key': 'VARCHAR', 'linkable': 'TINYINT',
          'sex': 'VARCHAR', 'age': 'INTEGER', 'citizenship': 'VARCHAR', 'migrant': 'VARCHAR'});
        CREATE TABLE services AS SELECT * FROM read_csv('{{F("services.csv")}}', header = true, auto_detect = false, delim = ',', dateformat = '%Y-%m-%d', timestampformat = '%Y-%m-%dT%H:%M:%SZ', columns = {
          'row_id': 'INTEGER', 'service_type': 'VARCHAR', 'requested': 'DATE', 'due': 'DATE', 'delivered': 'DATE', 'ended': 'DATE'});
        CREATE TABLE referrals AS SELECT * FROM read_csv('{{F("referrals.csv")}}', header = true, auto_detect = false, delim = ',', dateformat = '%Y-%m-%d', timestampformat = '%Y-%m-%dT%H:%M:%SZ', columns = {
          'case_id': 'VARCHAR', 'sent': 'DATE', 'outcome': 'VARCHAR', 'decided': 'DATE'});
        CREATE TABLE deadlines AS SELECT * FROM read_csv('{{F("deadlines.csv")}}', header = true, auto_detect = false, delim = ',', dateformat = '%Y-%m-%d', timestampformat = '%Y-%m-%dT%H:%M:%SZ', columns = {
          'case_id': 'VARCHAR', 'kind': 'VARCHAR', 'starts': 'DATE', 'due': 'DATE', 'due_at': 'TIMESTAMP', 'closed': 'DATE'});
        """);
    double load = sw.Elapsed.TotalSeconds;
    long rows = Scalar(conn, "SELECT count(*) FROM victims");
    long bytes = Scalar(conn, "SELECT CAST(coalesce(sum(memory_usage_bytes), 0) AS BIGINT) FROM duckdb_memory()");
    string sql = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "catalogue.sql"));

    sw.Restart();
    var cells = Query(conn, sql);
    double cold = sw.Elapsed.TotalSeconds;
    double best = double.MaxValue;
    for (int i = 0; i < 3; i++)
    {
        sw.Restart();
        cells = Query(conn, sql);
        best = Math.Min(best, sw.Elapsed.TotalSeconds);
    }

    Write(outPath, new Dictionary<string, object>
    {
        ["engine"] = "duckdb",
        ["rows"] = rows,
        ["load_s"] = load,
        ["compute_s"] = best,
        ["compute_cold_s"] = cold,
        ["peak_mb"] = PeakMb(),
        ["bytes_per_record"] = (double)bytes / rows,
        ["threads"] = Scalar(conn, "SELECT CAST(current_setting('threads') AS BIGINT)"),
        ["cells"] = cells,
    });
    return 0;

    static void Exec(DuckDBConnection c, string text)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = text;
        cmd.ExecuteNonQuery();
    }

    static long Scalar(DuckDBConnection c, string text)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = text;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    static SortedDictionary<string, decimal> Query(DuckDBConnection c, string text)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = text;
        using var reader = cmd.ExecuteReader();
        var result = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        while (reader.Read())
        {
            result[reader.GetString(0)] = Convert.ToDecimal(reader.GetValue(1), CultureInfo.InvariantCulture);
        }

        return result;
    }
}

static double PeakMb()
{
    foreach (string line in File.ReadLines("/proc/self/status"))
    {
        if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
        {
            return double.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
        }
    }

    return double.NaN;
}

static void Write(string path, Dictionary<string, object> result) =>
    File.WriteAllText(path, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }), new UTF8Encoding(false));
