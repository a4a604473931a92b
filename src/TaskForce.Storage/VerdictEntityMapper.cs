using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;

namespace TaskForce.Storage;

/// <summary>
/// Maps a verdict to its table rows and back: one header row (<c>Kind=verdict</c>), one row per victim
/// (<c>Kind=victim</c>) and one per detention period (<c>Kind=detention</c>), all in the partition of the decision
/// year. Dates are stored as <c>YYYY-MM-DD</c> strings, money as Int64 Rupiah (never decimal: docs/sources.md#azure-table-storage).
/// </summary>
internal static class VerdictEntityMapper
{
    public const string KindVerdict = "verdict";
    public const string KindVictim = "victim";
    public const string KindDetention = "detention";

    /// <summary>The kind of a corrected revision's header-like row (ADR-015): the header's columns plus
    /// <see cref="RevisionColumn"/>, <see cref="ReasonColumn"/> and <see cref="RecordedAtColumn"/>.</summary>
    public const string KindRevision = "revision";

    public const string RevisionColumn = "Revision";
    public const string ReasonColumn = "CorrectionReason";
    public const string RecordedAtColumn = "RecordedAt";

    private static readonly LocalDatePattern Date = LocalDatePattern.Iso;

    public static (TableEntity Header, List<TableEntity> Children) ToEntities(CourtVerdict verdict, string fingerprint)
    {
        var f = verdict.Facts;
        string pk = TableKeys.VerdictPartition(f.DecisionDate);
        var h = new TableEntity(pk, TableKeys.VerdictRow(f.CaseNumber))
        {
            ["Kind"] = KindVerdict,
            ["CaseNumber"] = f.CaseNumber,
            ["Fingerprint"] = fingerprint,
            ["VictimRows"] = f.Victims.Count,
            ["DetentionRows"] = f.DetentionPeriods.Count,
            ["ArticlesJson"] = JsonSerializer.Serialize(f.ArticlesHeldProven),
            ["RecruitmentMeansJson"] = JsonSerializer.Serialize(f.RecruitmentMeans),
            ["Participation"] = f.Participation.ToCode(),
        };
        Put(h, "Region", f.Region?.Value);
        Put(h, "Court", f.Court);
        PutDate(h, "DecisionDate", f.DecisionDate);
        PutDate(h, "DeliberationDate", f.DeliberationDate);
        Put(h, "Defendants", f.Defendants);
        PutDate(h, "OffenceDateFrom", f.OffenceDateFrom);
        PutDate(h, "OffenceDateTo", f.OffenceDateTo);
        Put(h, "AggChildVictim", f.Aggravations.ChildVictim);
        Put(h, "AggOrganizedGroup", f.Aggravations.OrganizedGroup);
        Put(h, "AggStateOfficial", f.Aggravations.StateOfficial);
        Put(h, "AggSeriousHarm", f.Aggravations.SeriousHarm);
        Put(h, "AggVictimDied", f.Aggravations.VictimDied);
        Put(h, "AggCorporation", f.Aggravations.Corporation);
        Put(h, "VictimsCount", f.VictimsCount);
        Put(h, "VictimsChildrenCount", f.VictimsChildrenCount);
        Put(h, "ExploitationDescription", f.ExploitationDescription);
        Put(h, "DestinationCountry", f.DestinationCountry);
        Put(h, "OriginProvince", f.OriginProvince);
        Put(h, "SentencePrisonMonths", f.SentencePrisonMonths);
        Put(h, "FineIdr", f.FineIdr);
        Put(h, "FineSubstituteMonths", f.FineSubstituteMonths);
        Put(h, "FineSubstituteDays", f.FineSubstituteDays);
        Put(h, "FineSubstituteType", f.FineSubstituteType);
        Put(h, "RestitutionIdr", f.RestitutionIdr);
        Put(h, "RestitutionSubstituteMonths", f.RestitutionSubstituteMonths);
        Put(h, "RestitutionSubstituteType", f.RestitutionSubstituteType);
        Put(h, "RestitutionNote", f.RestitutionNote);
        Put(h, "ProsecutorDemandPrisonMonths", f.ProsecutorDemandPrisonMonths);
        Put(h, "ProsecutorDemandFineIdr", f.ProsecutorDemandFineIdr);
        Put(h, "ProsecutorDemandFineSubstituteMonths", f.ProsecutorDemandFineSubstituteMonths);
        PutDate(h, "ArrestDate", f.ArrestDate);
        Put(h, "DetentionNote", f.DetentionNote);
        Put(h, "Source", f.Source);
        Put(h, "Confidence", f.Confidence);
        Put(h, "Notes", f.Notes);

        var children = new List<TableEntity>(f.Victims.Count + f.DetentionPeriods.Count);
        for (int i = 0; i < f.Victims.Count; i++)
        {
            var v = f.Victims[i];
            var e = new TableEntity(pk, TableKeys.VerdictChildRow(f.CaseNumber, fingerprint, KindVictim, i))
            {
                ["Kind"] = KindVictim,
                ["CaseNumber"] = f.CaseNumber,
                ["Fingerprint"] = fingerprint,
                ["Index"] = i,
                ["Sex"] = v.Sex.ToCode(),
            };
            Put(e, "Age", v.Age);
            Put(e, "Child", v.Child);
            children.Add(e);
        }

        for (int i = 0; i < f.DetentionPeriods.Count; i++)
        {
            var p = f.DetentionPeriods[i];
            var e = new TableEntity(pk, TableKeys.VerdictChildRow(f.CaseNumber, fingerprint, KindDetention, i))
            {
                ["Kind"] = KindDetention,
                ["CaseNumber"] = f.CaseNumber,
                ["Fingerprint"] = fingerprint,
                ["Index"] = i,
                ["Label"] = p.Label,
            };
            Put(e, "Defendant", p.Defendant);
            PutDate(e, "From", p.From);
            PutDate(e, "To", p.To);
            Put(e, "DaysInclusive", p.DaysInclusiveAsRecorded);
            children.Add(e);
        }

        return (h, children);
    }

    public static CourtVerdict FromEntities(TableEntity h, IEnumerable<TableEntity> children)
    {
        string? fingerprint = h.GetString("Fingerprint");
        var rows = children.Where(r => r.GetString("Fingerprint") == fingerprint).ToList();
        int victimRows = h.GetInt32("VictimRows") ?? 0;
        int detentionRows = h.GetInt32("DetentionRows") ?? 0;
        var victims = rows.Where(r => r.GetString("Kind") == KindVictim && r.GetInt32("Index") < victimRows)
            .OrderBy(r => r.GetInt32("Index"))
            .Select(r => new VerdictVictim(ParseSex(r.GetString("Sex")), r.GetInt32("Age"), r.GetBoolean("Child")))
            .ToList();
        var detention = rows.Where(r => r.GetString("Kind") == KindDetention && r.GetInt32("Index") < detentionRows)
            .OrderBy(r => r.GetInt32("Index"))
            .Select(r => new RecordedDetentionPeriod(r.GetString("Defendant"), r.GetString("Label") ?? string.Empty, GetDate(r, "From"), GetDate(r, "To"), r.GetInt32("DaysInclusive")))
            .ToList();
        if (victims.Count != victimRows || detention.Count != detentionRows)
        {
            throw new InvalidOperationException($"Stored verdict '{h.GetString("CaseNumber")}' is incomplete: {victims.Count}/{victimRows} victim rows and {detention.Count}/{detentionRows} detention rows found.");
        }

        _ = WireCodes.TryParseParticipation(h.GetString("Participation"), out var participation);
        string? region = h.GetString("Region");
        var facts = new CourtVerdictFacts
        {
            CaseNumber = h.GetString("CaseNumber") ?? string.Empty,
            Region = region is null ? null : RegionCode.Parse(region),
            Court = h.GetString("Court"),
            DecisionDate = GetDate(h, "DecisionDate"),
            DeliberationDate = GetDate(h, "DeliberationDate"),
            Defendants = h.GetInt32("Defendants"),
            OffenceDateFrom = GetDate(h, "OffenceDateFrom"),
            OffenceDateTo = GetDate(h, "OffenceDateTo"),
            ArticlesHeldProven = JsonSerializer.Deserialize<List<string>>(h.GetString("ArticlesJson") ?? "[]") ?? [],
            Participation = participation,
            Aggravations = new VerdictAggravations(h.GetBoolean("AggChildVictim"), h.GetBoolean("AggOrganizedGroup"), h.GetBoolean("AggStateOfficial"),
                h.GetBoolean("AggSeriousHarm"), h.GetBoolean("AggVictimDied"), h.GetBoolean("AggCorporation")),
            Victims = victims,
            VictimsCount = h.GetInt32("VictimsCount"),
            VictimsChildrenCount = h.GetInt32("VictimsChildrenCount"),
            ExploitationDescription = h.GetString("ExploitationDescription"),
            DestinationCountry = h.GetString("DestinationCountry"),
            OriginProvince = h.GetString("OriginProvince"),
            RecruitmentMeans = JsonSerializer.Deserialize<List<string>>(h.GetString("RecruitmentMeansJson") ?? "[]") ?? [],
            SentencePrisonMonths = h.GetInt32("SentencePrisonMonths"),
            FineIdr = h.GetInt64("FineIdr"),
            FineSubstituteMonths = h.GetInt32("FineSubstituteMonths"),
            FineSubstituteDays = h.GetInt32("FineSubstituteDays"),
            FineSubstituteType = h.GetString("FineSubstituteType"),
            RestitutionIdr = h.GetInt64("RestitutionIdr"),
            RestitutionSubstituteMonths = h.GetInt32("RestitutionSubstituteMonths"),
            RestitutionSubstituteType = h.GetString("RestitutionSubstituteType"),
            RestitutionNote = h.GetString("RestitutionNote"),
            ProsecutorDemandPrisonMonths = h.GetInt32("ProsecutorDemandPrisonMonths"),
            ProsecutorDemandFineIdr = h.GetInt64("ProsecutorDemandFineIdr"),
            ProsecutorDemandFineSubstituteMonths = h.GetInt32("ProsecutorDemandFineSubstituteMonths"),
            ArrestDate = GetDate(h, "ArrestDate"),
            DetentionPeriods = detention,
            DetentionNote = h.GetString("DetentionNote"),
            Source = h.GetString("Source"),
            Confidence = h.GetString("Confidence"),
            Notes = h.GetString("Notes"),
        };
        return CourtVerdict.Create(facts);
    }

    private static Sex ParseSex(string? code) => WireCodes.TryParseSex(code, out var sex) ? sex : Sex.Unknown;

    private static void Put(TableEntity e, string key, string? value)
    {
        if (value is not null)
        {
            e[key] = value;
        }
    }

    private static void Put(TableEntity e, string key, int? value)
    {
        if (value is not null)
        {
            e[key] = value.Value;
        }
    }

    private static void Put(TableEntity e, string key, long? value)
    {
        if (value is not null)
        {
            e[key] = value.Value;
        }
    }

    private static void Put(TableEntity e, string key, bool? value)
    {
        if (value is not null)
        {
            e[key] = value.Value;
        }
    }

    private static void PutDate(TableEntity e, string key, LocalDate? value)
    {
        if (value is not null)
        {
            e[key] = Date.Format(value.Value);
        }
    }

    /// <summary>Stores an instant as a <c>DateTimeOffset</c> column plus its ISO text in <c>{key}Text</c> (ADR-001).</summary>
    public static void PutInstant(TableEntity e, string key, Instant value)
    {
        e[key] = value.ToDateTimeOffset();
        e[key + "Text"] = InstantPattern.ExtendedIso.Format(value);
    }

    /// <summary>Reads an instant stored by <see cref="PutInstant"/>, or <see langword="null"/>.</summary>
    public static Instant? GetInstant(TableEntity e, string key) =>
        e.GetString(key + "Text") is { } text && InstantPattern.ExtendedIso.Parse(text) is { Success: true } r ? r.Value
        : e.GetDateTimeOffset(key) is { } dto ? Instant.FromDateTimeOffset(dto) : null;

    private static LocalDate? GetDate(TableEntity e, string key) =>
        e.GetString(key) is { } s ? Date.Parse(s).GetValueOrThrow() : null;

    internal static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
