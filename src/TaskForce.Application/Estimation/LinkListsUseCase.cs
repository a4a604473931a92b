using System.Globalization;
using System.Text;
using NodaTime;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Estimation;
using TaskForce.Domain.Estimation.Linkage;
using TaskForce.Domain.Indicators;
using TaskForce.Application.Resources;

namespace TaskForce.Application.Estimation;

/// <summary>A count of link decisions by rule.</summary>
/// <param name="Rule">The rule (<c>nik_match</c>, <c>nik_differs</c>, <c>fuzzy_match</c>, <c>fuzzy_no_match</c>,
/// <c>fuzzy_blocked_by_nik</c>).</param>
/// <param name="Linked">Decisions of the rule that linked.</param>
/// <param name="NotLinked">Decisions of the rule that did not.</param>
public sealed record LinkRuleCount(string Rule, int Linked, int NotLinked);

/// <summary>The number of persons seen by two lists.</summary>
/// <param name="First">One list.</param>
/// <param name="Second">The other.</param>
/// <param name="Persons">Persons on both, ≥ 0.</param>
public sealed record ListOverlap(string First, string Second, long Persons);

/// <summary>The summary of <c>taskforce link</c> (no personal data: counts, list names and rule names).</summary>
/// <param name="Lists">The lists, in capture-history column order.</param>
/// <param name="Records">Records read.</param>
/// <param name="Persons">Persons after linkage (the observed total for estimation).</param>
/// <param name="PersonsByList">Persons on each list, in list order.</param>
/// <param name="Overlaps">Persons on each pair of lists; a pair with 0 is a warning for estimation.</param>
/// <param name="Decisions">Link decisions by rule.</param>
/// <param name="Strata">Number of strata (sex × child/adult × form × year) with at least one person.</param>
/// <param name="Warnings">Linkage warnings (they name record ids, never identities).</param>
public sealed record LinkListsSummary(
    IReadOnlyList<string> Lists,
    int Records,
    int Persons,
    IReadOnlyList<long> PersonsByList,
    IReadOnlyList<ListOverlap> Overlaps,
    IReadOnlyList<LinkRuleCount> Decisions,
    int Strata,
    IReadOnlyList<LinkageWarning> Warnings);

/// <summary>
/// Links agencies' victim lists (police, UPTD PPA, social services, BP3MI, NGOs, IOM …) into persons and writes their
/// capture histories for multiple systems estimation: the step before <c>taskforce estimate</c> for lists that are
/// not case records in TaskForce (docs/sources.md#mse: "collect named victim lists from ≥ 2 sources; link
/// records across lists; tabulate the 2^k − 1 observed patterns").
/// </summary>
/// <remarks>
/// Linkage is <see cref="RecordLinker"/>'s (keyed NIK hash, then name/birth/kecamatan), keyed with the district
/// secret. The outputs carry no NIK, hash, name or birth date (UU 21/2007 Pasal 44): the capture-history tables are
/// counts, and the decision file names records only by the agencies' own references.
/// </remarks>
public static class LinkListsUseCase
{
    /// <summary>Reads and links the lists.</summary>
    /// <param name="files">The CSV texts with their names for messages (see <see cref="VictimListCsv"/>); one file may
    /// hold several lists and one list may span files.</param>
    /// <param name="districtSecret">The HMAC key for NIK hashes, at least 32 bytes.</param>
    /// <param name="nameThreshold">The minimum Jaro–Winkler similarity of names for a fuzzy link, in (0, 1]; null for
    /// 0.90.</param>
    /// <param name="today">Today's business date in the district zone, or <see langword="null"/>: dates of the lists
    /// after it are refused (<see cref="VictimListCsv.Read"/>).</param>
    /// <returns>The linkage result and its summary.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">A file is malformed (<see cref="VictimListCsv.Read"/>), a record id
    /// repeats within a list, fewer than two lists are given (field <c>lists</c>), or the threshold is outside
    /// (0, 1] (field <c>name_threshold</c>).</exception>
    public static (LinkageResult Result, LinkListsSummary Summary) Run(
        IReadOnlyList<(TextReader Reader, string Source)> files, byte[] districtSecret, double? nameThreshold, LocalDate? today = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(districtSecret);
        double threshold = nameThreshold ?? LinkageOptions.DefaultNameThreshold;
        if (!(threshold > 0 && threshold <= 1))
        {
            throw new DomainValidationException("name_threshold", Texts.Format(EstimationAppText.LinkListsNameThresholdMustLie, threshold.ToString(CultureInfo.InvariantCulture)));
        }

        var entries = new List<VictimListEntry>();
        foreach (var (reader, source) in files)
        {
            entries.AddRange(VictimListCsv.Read(reader, source, today));
        }

        int lists = entries.Select(e => e.List).Distinct(StringComparer.Ordinal).Count();
        if (lists < 2)
        {
            throw new DomainValidationException(
                "lists", Texts.Format(EstimationAppText.LinkListsRecordsComeFromList, lists));
        }

        var result = new RecordLinker(new LinkageOptions { DistrictSecret = districtSecret, NameThreshold = threshold }).Link(entries);
        return (result, Summarise(result));
    }

    /// <summary>Writes a capture-history table in SparseMSE's layout (one 0/1 column per list, then <c>count</c>), the
    /// input of <c>taskforce estimate --file</c>.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="history">The table (overall or one stratum).</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void WriteCaptureHistory(TextWriter writer, StratumCaptureHistory history)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(history);
        writer.Write(string.Join(',', history.Lists.Select(Csv)));
        writer.Write(",count\n");
        foreach (CaptureHistoryRow row in history.Rows)
        {
            writer.Write(string.Join(',', row.Cells));
            writer.Write(string.Create(CultureInfo.InvariantCulture, $",{row.Count}\n"));
        }
    }

    /// <summary>Writes every stratum's capture histories in one long table: <c>sex,child_status,form,year</c>, the list
    /// columns, <c>count</c>.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="result">The linkage result.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void WriteStrata(TextWriter writer, LinkageResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.Write("sex,child_status,form,year,");
        writer.Write(string.Join(',', result.Lists.Select(Csv)));
        writer.Write(",count\n");
        foreach (StratumCaptureHistory s in result.Strata)
        {
            string prefix = string.Create(
                CultureInfo.InvariantCulture,
                $"{(s.Sex ?? Sex.Unknown).ToCode()},{(s.ChildStatus ?? ChildStatus.Unknown).ToCode()},{(s.Form ?? ExploitationForm.Unknown).ToCode()},{(s.YearKnown ? s.Year?.ToString(CultureInfo.InvariantCulture) : "unknown")}");
            foreach (CaptureHistoryRow row in s.Rows)
            {
                writer.Write(prefix);
                writer.Write(',');
                writer.Write(string.Join(',', row.Cells));
                writer.Write(string.Create(CultureInfo.InvariantCulture, $",{row.Count}\n"));
            }
        }
    }

    /// <summary>Writes the link decisions: <c>first_list,first_record_id,second_list,second_record_id,linked,rule,
    /// nik_hash,name,name_score,birth,kecamatan</c> — each field's outcome (<c>agree</c>, <c>agree_year</c>,
    /// <c>disagree</c>, <c>missing</c>) and the name similarity, never a value.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="result">The linkage result.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void WriteDecisions(TextWriter writer, LinkageResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.Write("first_list,first_record_id,second_list,second_record_id,linked,rule,nik_hash,name,name_score,birth,kecamatan\n");
        foreach (LinkDecision d in result.Decisions)
        {
            string Outcome(string field) => d.Fields.FirstOrDefault(f => f.Field == field)?.Outcome ?? string.Empty;
            double? score = d.Fields.FirstOrDefault(f => f.Field == "name")?.Score;
            var line = new StringBuilder()
                .Append(Csv(d.First.List)).Append(',').Append(Csv(d.First.RecordId)).Append(',')
                .Append(Csv(d.Second.List)).Append(',').Append(Csv(d.Second.RecordId)).Append(',')
                .Append(d.Linked ? "true" : "false").Append(',').Append(d.Rule).Append(',')
                .Append(Outcome("nik_hash")).Append(',').Append(Outcome("name")).Append(',')
                .Append(score is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : string.Empty).Append(',')
                .Append(Outcome("birth")).Append(',').Append(Outcome("kecamatan")).Append('\n');
            writer.Write(line.ToString());
        }
    }

    private static LinkListsSummary Summarise(LinkageResult result)
    {
        int k = result.Lists.Count;
        var byList = new long[k];
        var pair = new long[k, k];
        foreach (LinkedPerson p in result.Persons)
        {
            int[] on = [.. p.Lists.Select(l => IndexOf(result.Lists, l))];
            foreach (int i in on)
            {
                byList[i]++;
                foreach (int j in on.Where(j => j > i))
                {
                    pair[i, j]++;
                }
            }
        }

        var overlaps = new List<ListOverlap>();
        for (int i = 0; i < k; i++)
        {
            for (int j = i + 1; j < k; j++)
            {
                overlaps.Add(new ListOverlap(result.Lists[i], result.Lists[j], pair[i, j]));
            }
        }

        LinkRuleCount[] rules = [.. result.Decisions
            .GroupBy(d => d.Rule, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new LinkRuleCount(g.Key, g.Count(d => d.Linked), g.Count(d => !d.Linked)))];
        return new LinkListsSummary(result.Lists, result.Records, result.Persons.Count, byList, overlaps, rules, result.Strata.Count, result.Warnings);
    }

    private static int IndexOf(IReadOnlyList<string> lists, string list)
    {
        for (int i = 0; i < lists.Count; i++)
        {
            if (string.Equals(lists[i], list, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"A person is on list '{list}', which is not among the result's lists.");
    }

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
