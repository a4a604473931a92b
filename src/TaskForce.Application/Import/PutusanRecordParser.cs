using System.Globalization;
using System.Text.Json;
using NodaTime;
using TaskForce.Application.Resources;
using TaskForce.Application.Serialization;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using static TaskForce.Application.Import.PutusanValues;

namespace TaskForce.Application.Import;

/// <summary>
/// Parses one line of the court-outcome format (<c>putusan</c>: one JSON object a line, fields as in
/// samples/verdicts/README.md) into a <see cref="CourtVerdict"/>.
/// </summary>
/// <remarks>
/// Strict: a field the format does not define is refused naming it (<see cref="Fields"/>; a misspelt
/// <c>decision_date</c> must never store an undated verdict), and so are a wrong type, an impossible value, a date
/// outside <see cref="PlausibleDate"/>'s range and a control character in any value
/// (docs/decisions/ADR-028-bad-input.md). A line with <c>corrects</c> and <c>correction_reason</c> is a
/// correction of a stored verdict (<see cref="ParseLine"/>; docs/decisions/ADR-015-verdict-revisions.md). Dates are ISO <c>YYYY-MM-DD</c>; an impossible date such as
/// <c>2025-02-30</c> rejects the line.
/// </remarks>
public static class PutusanRecordParser
{
    /// <summary>The fields of a line (samples/verdicts/README.md, docs/wire-contract.md "Correcting an imported
    /// verdict"). Every field of the real sample (samples/verdicts/verdicts.jsonl, 77 lines, checked field by field
    /// when this list was made) is read; there is no field that real files carry and the parser ignores on purpose,
    /// so any other name is refused (docs/decisions/ADR-028-bad-input.md).</summary>
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal)
    {
        "case_number", "court", "decision_date", "deliberation_date", "defendants", "offence_date_from", "offence_date_to",
        "articles_charged", "participation", "aggravations", "victims", "victims_count", "victims_children_count",
        "exploitation_form", "destination_country", "origin_province", "recruitment_means", "sentence_prison_months",
        "fine_rupiah", "fine_substitute_months", "fine_substitute_days", "fine_substitute_type", "restitution_rupiah",
        "restitution_substitute", "restitution_note", "prosecutor_demand_prison_months", "prosecutor_demand_fine_rupiah",
        "prosecutor_demand_fine_substitute_months", "arrest_date", "detention_periods", "detention_note", "source",
        "confidence", "notes", "corrects", "correction_reason",
    };

    private static readonly HashSet<string> AggravationFields = new(StringComparer.Ordinal)
    {
        "child_victim", "organized_group", "state_official", "serious_harm", "victim_died", "corporation",
    };

    private static readonly HashSet<string> VictimFields = new(StringComparer.Ordinal) { "sex", "age", "child" };

    private static readonly HashSet<string> RestitutionSubstituteFields = new(StringComparer.Ordinal) { "months", "type" };

    private static readonly HashSet<string> DetentionPeriodFields = new(StringComparer.Ordinal) { "by", "from", "to", "days_inclusive" };

    /// <summary>Parses a line.</summary>
    /// <param name="line">The JSON text of one record.</param>
    /// <param name="region">The region the importer attributes the record to, or <see langword="null"/>.</param>
    /// <returns>The verdict.</returns>
    /// <exception cref="DomainValidationException">The line is not a JSON object, or a field has a wrong type or an
    /// impossible value; the exception names the field.</exception>
    public static CourtVerdict Parse(string line, RegionCode? region) => Parse(line, region, null);

    /// <summary>Parses a line of new input, refusing a decision date after today.</summary>
    /// <param name="line">The JSON text of one record.</param>
    /// <param name="region">The region the importer attributes the record to, or <see langword="null"/>.</param>
    /// <param name="today">Today's business date in the district zone, or <see langword="null"/> not to compare.</param>
    /// <returns>The verdict.</returns>
    /// <exception cref="DomainValidationException">As <see cref="Parse(string, RegionCode?)"/>, or the decision date
    /// is after <paramref name="today"/> (<see cref="CourtVerdict.Create(CourtVerdictFacts, LocalDate)"/>).</exception>
    public static CourtVerdict Parse(string line, RegionCode? region, LocalDate? today) => ParseLine(line, region, today).Verdict;

    /// <summary>Parses a line of new input that may be a correction of a stored verdict (<c>corrects</c> and
    /// <c>correction_reason</c>, docs/wire-contract.md "Correcting an imported verdict").</summary>
    /// <param name="line">The JSON text of one record.</param>
    /// <param name="region">The region the importer attributes the record to, or <see langword="null"/>.</param>
    /// <param name="today">Today's business date in the district zone, or <see langword="null"/> not to compare.</param>
    /// <returns>The verdict, with the correction's reason when the line is a correction.</returns>
    /// <exception cref="DomainValidationException">As <see cref="Parse(string, RegionCode?, LocalDate?)"/>; or a
    /// field appears twice (<see cref="Serialization.JsonDuplicateKeys"/>); or
    /// <c>corrects</c> is not a string or names another case number than <c>case_number</c> (field <c>corrects</c>);
    /// or <c>correction_reason</c> is missing with <c>corrects</c>, given without it, not a string, empty, longer than
    /// <see cref="PutusanLine.ReasonMaxLength"/> characters or holding a control character (field
    /// <c>correction_reason</c>).</exception>
    public static PutusanLine ParseLine(string line, RegionCode? region, LocalDate? today)
    {
        ArgumentNullException.ThrowIfNull(line);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw InputProblems.Create("line", Texts.Format(ImportText.BrokenJson, (ex.BytePositionInLine ?? 0) + 1), InputProblems.BrokenJson);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw InputProblems.Create("line", ImportText.NotAnObject, InputProblems.BrokenJson);
            }

            JsonDuplicateKeys.Check(root);
            RequireKnown(root, Fields, null);
            InputChecks.Json(root, null); // control characters and invalid text in any name or value

            string? caseNumber = String(root, "case_number");
            if (string.IsNullOrWhiteSpace(caseNumber))
            {
                throw new DomainValidationException("case_number", ImportText.CaseNumberMissing);
            }

            string? reason = CorrectionReason(root, caseNumber);
            if (!WireCodes.TryParseParticipation(String(root, "participation"), out var participation))
            {
                throw new DomainValidationException("participation", Texts.Format(ImportText.ParticipationUnknown, String(root, "participation")));
            }

            var (restSubMonths, restSubType) = RestitutionSubstitute(root);
            var facts = new CourtVerdictFacts
            {
                CaseNumber = caseNumber,
                Region = region,
                Court = String(root, "court"),
                DecisionDate = Date(root, "decision_date", today),
                DeliberationDate = Date(root, "deliberation_date", today),
                Defendants = Int(root, "defendants"),
                OffenceDateFrom = Date(root, "offence_date_from", today),
                OffenceDateTo = Date(root, "offence_date_to", today),
                ArticlesHeldProven = StringList(root, "articles_charged"),
                Participation = participation,
                Aggravations = Aggravations(root),
                Victims = Victims(root),
                VictimsCount = Int(root, "victims_count"),
                VictimsChildrenCount = Int(root, "victims_children_count"),
                ExploitationDescription = String(root, "exploitation_form"),
                DestinationCountry = String(root, "destination_country"),
                OriginProvince = String(root, "origin_province"),
                RecruitmentMeans = StringList(root, "recruitment_means"),
                SentencePrisonMonths = Int(root, "sentence_prison_months"),
                FineIdr = Long(root, "fine_rupiah"),
                FineSubstituteMonths = Int(root, "fine_substitute_months"),
                FineSubstituteDays = Int(root, "fine_substitute_days"),
                FineSubstituteType = String(root, "fine_substitute_type"),
                RestitutionIdr = Long(root, "restitution_rupiah"),
                RestitutionSubstituteMonths = restSubMonths,
                RestitutionSubstituteType = restSubType,
                RestitutionNote = String(root, "restitution_note"),
                ProsecutorDemandPrisonMonths = Int(root, "prosecutor_demand_prison_months"),
                ProsecutorDemandFineIdr = Long(root, "prosecutor_demand_fine_rupiah"),
                ProsecutorDemandFineSubstituteMonths = Int(root, "prosecutor_demand_fine_substitute_months"),
                ArrestDate = Date(root, "arrest_date", today),
                DetentionPeriods = DetentionPeriods(root, today),
                DetentionNote = String(root, "detention_note"),
                Source = String(root, "source"),
                Confidence = String(root, "confidence"),
                Notes = String(root, "notes"),
            };
            return new PutusanLine(today is { } t ? CourtVerdict.Create(facts, t) : CourtVerdict.Create(facts), reason);
        }
    }

    // The correction fields: both or neither; "corrects" names the line's own case number (in any spelling of its
    // identity), so a correction can never re-key a verdict.
    private static string? CorrectionReason(JsonElement root, string caseNumber)
    {
        string? corrects = String(root, "corrects");
        string? reason = String(root, "correction_reason");
        if (corrects is null)
        {
            return reason is null ? null
                : throw new DomainValidationException("correction_reason", ImportText.CorrectionReasonWithoutCorrects);
        }

        if (CourtVerdict.CaseNumberIdentityOf(corrects) != CourtVerdict.CaseNumberIdentityOf(caseNumber))
        {
            throw new DomainValidationException("corrects", Texts.Format(ImportText.CorrectsOtherNumber, corrects, caseNumber));
        }

        if (reason is null)
        {
            throw new DomainValidationException("correction_reason", ImportText.CorrectionReasonRequired);
        }

        reason = reason.Trim();
        if (reason.Length is 0 or > PutusanLine.ReasonMaxLength)
        {
            throw new DomainValidationException("correction_reason", Texts.Format(ImportText.CorrectionReasonLength, PutusanLine.ReasonMaxLength, reason.Length));
        }

        int control = reason.AsSpan().IndexOfAnyInRange('\u0000', '\u001F');
        if (control < 0)
        {
            control = reason.AsSpan().IndexOfAnyInRange('\u007F', '\u009F');
        }

        return control < 0 ? reason
            : throw InputProblems.Create("correction_reason", Texts.Format(ImportText.CorrectionReasonControl, ((int)reason[control]).ToString("X4", CultureInfo.InvariantCulture), control + 1), InputProblems.ControlCharacter);
    }

    private static VerdictAggravations Aggravations(JsonElement root)
    {
        if (Field(root, "aggravations") is not { } a)
        {
            return new VerdictAggravations();
        }

        if (a.ValueKind != JsonValueKind.Object)
        {
            throw new DomainValidationException("aggravations", ImportText.AggravationsObject);
        }

        RequireKnown(a, AggravationFields, "aggravations");

        return new VerdictAggravations(
            Bool(a, "child_victim", "aggravations.child_victim"),
            Bool(a, "organized_group", "aggravations.organized_group"),
            Bool(a, "state_official", "aggravations.state_official"),
            Bool(a, "serious_harm", "aggravations.serious_harm"),
            Bool(a, "victim_died", "aggravations.victim_died"),
            Bool(a, "corporation", "aggravations.corporation"));
    }

    private static List<VerdictVictim> Victims(JsonElement root)
    {
        var victims = new List<VerdictVictim>();
        if (Field(root, "victims") is not { } list)
        {
            return victims;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new DomainValidationException("victims", ImportText.VictimsList);
        }

        int i = 0;
        foreach (var v in list.EnumerateArray())
        {
            string path = string.Create(CultureInfo.InvariantCulture, $"victims[{i}]");
            if (v.ValueKind != JsonValueKind.Object)
            {
                throw new DomainValidationException(path, Texts.Format(ImportText.MustBeObject, path));
            }

            RequireKnown(v, VictimFields, path);
            string? sexCode = String(v, "sex", path + ".sex");
            if (!WireCodes.TryParseSex(sexCode, out var sex))
            {
                throw new DomainValidationException(path + ".sex", Texts.Format(ImportText.SexUnknown, sexCode, path));
            }

            victims.Add(new VerdictVictim(sex, Int(v, "age", path + ".age"), Bool(v, "child", path + ".child")));
            i++;
        }

        return victims;
    }

    private static (int? Months, string? Type) RestitutionSubstitute(JsonElement root)
    {
        if (Field(root, "restitution_substitute") is not { } s)
        {
            return (null, null);
        }

        if (s.ValueKind != JsonValueKind.Object)
        {
            throw new DomainValidationException("restitution_substitute", ImportText.RestitutionSubstituteObject);
        }

        RequireKnown(s, RestitutionSubstituteFields, "restitution_substitute");

        return (Int(s, "months", "restitution_substitute.months"), String(s, "type", "restitution_substitute.type"));
    }

    private static List<RecordedDetentionPeriod> DetentionPeriods(JsonElement root, LocalDate? today)
    {
        var periods = new List<RecordedDetentionPeriod>();
        if (Field(root, "detention_periods") is not { } d)
        {
            return periods;
        }

        if (d.ValueKind == JsonValueKind.Array)
        {
            AddChain(periods, d, null, "detention_periods", today);
        }
        else if (d.ValueKind == JsonValueKind.Object)
        {
            foreach (var chain in d.EnumerateObject())
            {
                if (chain.Value.ValueKind != JsonValueKind.Array)
                {
                    throw new DomainValidationException($"detention_periods.{chain.Name}", ImportText.DetentionChainList);
                }

                AddChain(periods, chain.Value, chain.Name, $"detention_periods.{chain.Name}", today);
            }
        }
        else
        {
            throw new DomainValidationException("detention_periods", ImportText.DetentionPeriodsShape);
        }

        return periods;
    }

    private static void AddChain(List<RecordedDetentionPeriod> periods, JsonElement chain, string? defendant, string basePath, LocalDate? today)
    {
        int i = 0;
        foreach (var p in chain.EnumerateArray())
        {
            string path = string.Create(CultureInfo.InvariantCulture, $"{basePath}[{i}]");
            if (p.ValueKind != JsonValueKind.Object)
            {
                throw new DomainValidationException(path, Texts.Format(ImportText.MustBeObject, path));
            }

            RequireKnown(p, DetentionPeriodFields, path);
            periods.Add(new RecordedDetentionPeriod(
                defendant,
                String(p, "by", path + ".by") ?? string.Empty,
                Date(p, "from", today, path + ".from"),
                Date(p, "to", today, path + ".to"),
                Int(p, "days_inclusive", path + ".days_inclusive")));
            i++;
        }
    }
}
