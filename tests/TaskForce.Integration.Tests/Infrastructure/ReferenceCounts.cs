using System.Text.Json;
using System.Text.RegularExpressions;

namespace TaskForce.Integration.Tests.Infrastructure;

/// <summary>
/// The snapshot's numbers computed straight from the JSONL with plain code that shares nothing with the importer,
/// the storage mapping or the domain calculators: the contract's counting rules written out again, independently.
/// </summary>
public static partial class ReferenceCounts
{
    public sealed record Expected(
        int Cases,
        Dictionary<string, int> CasesByArticle,
        Dictionary<string, int> CasesByParticipation,
        int Victims,
        Dictionary<string, int> VictimsBySex,
        Dictionary<string, int> VictimsByAge,
        Dictionary<string, int> VictimsByForm,
        Dictionary<string, int> VictimsByDestination,
        Dictionary<string, int> VictimsByCross,
        int SentenceCount,
        decimal? SentenceMedian,
        int? SentenceMin,
        int? SentenceMax,
        int RestitutionCases,
        long RestitutionTotal,
        int ArrestCount,
        decimal? ArrestMedianDays);

    public static Expected ForYear(string jsonlPath, int year)
    {
        var records = File.ReadAllLines(jsonlPath).Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var inYear = records.Where(r => Str(r, "decision_date") is { } d && d.StartsWith(year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + "-", StringComparison.Ordinal)).ToList();

        var byArticle = new Dictionary<string, int>();
        var byParticipation = new Dictionary<string, int> { ["perpetrator"] = 0, ["attempt"] = 0, ["aiding"] = 0, ["conspiracy"] = 0, ["other"] = 0, ["unknown"] = 0 };
        var bySex = new Dictionary<string, int> { ["female"] = 0, ["male"] = 0, ["unknown"] = 0 };
        var byAge = new Dictionary<string, int> { ["child"] = 0, ["adult"] = 0, ["unknown"] = 0 };
        var byForm = new Dictionary<string, int> { ["sexual_exploitation"] = 0, ["labour_exploitation"] = 0, ["other"] = 0, ["unknown"] = 0 };
        var byDest = new Dictionary<string, int>();
        var byCross = new Dictionary<string, int>();
        var sentences = new List<int>();
        var arrestDays = new List<int>();
        int victims = 0, restCases = 0;
        long restTotal = 0;

        foreach (var r in inYear)
        {
            var articles = r.GetProperty("articles_charged").EnumerateArray().Select(a => a.GetString()!).ToList();
            Inc(byArticle, articles.Count == 0 ? "other" : Article(articles[0]));
            Inc(byParticipation, Str(r, "participation") ?? "unknown");

            string form = Form(Str(r, "exploitation_form"));
            string dest = Str(r, "destination_country") ?? "unknown";
            var listed = r.GetProperty("victims").EnumerateArray().ToList();
            int? count = r.GetProperty("victims_count").ValueKind == JsonValueKind.Number ? r.GetProperty("victims_count").GetInt32() : null;
            int persons = count is null ? listed.Count : Math.Max(count.Value, listed.Count);
            for (int i = 0; i < persons; i++)
            {
                string sex = "unknown", age = "unknown";
                if (i < listed.Count)
                {
                    var v = listed[i];
                    sex = Str(v, "sex") ?? "unknown";
                    var child = v.GetProperty("child");
                    if (child.ValueKind == JsonValueKind.True)
                    {
                        age = "child";
                    }
                    else if (child.ValueKind == JsonValueKind.False)
                    {
                        age = "adult";
                    }
                    else if (v.GetProperty("age").ValueKind == JsonValueKind.Number)
                    {
                        age = v.GetProperty("age").GetInt32() < 18 ? "child" : "adult";
                    }
                }

                victims++;
                Inc(bySex, sex);
                Inc(byAge, age);
                Inc(byForm, form);
                Inc(byDest, dest);
                Inc(byCross, $"{sex}|{age}|{form}");
            }

            if (r.GetProperty("sentence_prison_months").ValueKind == JsonValueKind.Number)
            {
                sentences.Add(r.GetProperty("sentence_prison_months").GetInt32());
            }

            if (r.GetProperty("restitution_rupiah").ValueKind == JsonValueKind.Number && r.GetProperty("restitution_rupiah").GetInt64() > 0)
            {
                restCases++;
                restTotal += r.GetProperty("restitution_rupiah").GetInt64();
            }

            if (Str(r, "arrest_date") is { } arrest && Str(r, "decision_date") is { } decided)
            {
                int d = DateOnly.ParseExact(decided, "yyyy-MM-dd").DayNumber - DateOnly.ParseExact(arrest, "yyyy-MM-dd").DayNumber;
                if (d >= 0)
                {
                    arrestDays.Add(d); // an arrest after the decision is impossible: left out (catalogue definition)
                }
            }
        }

        return new Expected(inYear.Count, byArticle, byParticipation, victims, bySex, byAge, byForm, byDest, byCross,
            sentences.Count, Median(sentences), sentences.Count > 0 ? sentences.Min() : null, sentences.Count > 0 ? sentences.Max() : null,
            restCases, restTotal, arrestDays.Count, Median(arrestDays));
    }

    private static decimal? Median(List<int> xs)
    {
        if (xs.Count == 0)
        {
            return null;
        }

        var s = xs.OrderBy(x => x).ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[(s.Count / 2) - 1] + s[s.Count / 2]) / 2m;
    }

    private static void Inc(Dictionary<string, int> d, string key) => d[key] = d.GetValueOrDefault(key) + 1;

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    // The contract: the first article held proven, as its UU21-2007 id when it is a UU 21/2007 offence article
    // (2(1), 2(2), 3-6, 9, 19-24), else "other". Pasal 10/11 (participation), 7/8/16/17 (aggravation) and 48
    // (restitution) are skipped; references after "KUHP" belong to the criminal code.
    private static string Article(string citation)
    {
        if (!citation.Contains("UU21/2007", StringComparison.Ordinal))
        {
            return "other";
        }

        string uuPart = citation.Split("KUHP")[0];
        foreach (Match m in PasalRegex().Matches(uuPart))
        {
            int n = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (n is 2)
            {
                return m.Groups[2].Value == "2" ? "UU21-2007:2(2)" : "UU21-2007:2(1)";
            }

            if (n is 3 or 4 or 5 or 6 or 9 or (>= 19 and <= 24))
            {
                return "UU21-2007:" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return "other";
    }

    // The documented keyword rule (ExploitationFormClassifier, rule verdict-text-keywords-1), written out again.
    private static string Form(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "unknown";
        }

        string t = text.ToLowerInvariant();
        string[] sexual = ["sexual", "prostitut", "open bo", "pimp", "mucikari", "threesome", "sex work", "sex service", "paid sex", "for sex", "booking", "swinger", "lady compan", "hostess"];
        string[] labour = ["work", "labour", "labor", "plantation", "domestic", "employ", "job", "crew", "placement", "migrant", "carer", "estate", "farm", "canteen", "operator", "internship"];
        if (sexual.Any(t.Contains))
        {
            return "sexual_exploitation";
        }

        return labour.Any(t.Contains) ? "labour_exploitation" : "other";
    }

    [GeneratedRegex(@"Pasal (\d+)(?: ayat \((\d+)\))?")]
    private static partial Regex PasalRegex();
}
