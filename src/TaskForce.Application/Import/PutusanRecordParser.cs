using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;

namespace TaskForce.Application.Import;

/// <summary>
/// Parses one line of the court-outcome format (<c>putusan</c>: one JSON object a line, fields as in
/// samples/verdicts/README.md) into a <see cref="CourtVerdict"/>.
/// </summary>
/// <remarks>
/// Strict where a wrong value would change a count (dates, sex codes, participation, numbers) and tolerant of
/// fields it does not know (they are ignored). A line with <c>corrects</c> and <c>correction_reason</c> is a
/// correction of a stored verdict (<see cref="ParseLine"/>; docs/decisions/ADR-015-verdict-revisions.md). Dates are ISO <c>YYYY-MM-DD</c>; an impossible date such as
/// <c>2025-02-30</c> rejects the line.
/// </remarks>
public static class PutusanRecordParser
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

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
            string message = ex.Message;
            int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            throw new DomainValidationException($"Broken JSON: {(cut < 0 ? message : message[..cut].TrimEnd(' ', '|'))}", ex);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DomainValidationException("The line is not a JSON object.");
            }

            Serialization.JsonDuplicateKeys.Check(root);

            string? caseNumber = String(root, "case_number");
            if (string.IsNullOrWhiteSpace(caseNumber))
            {
                throw new DomainValidationException("case_number", "case_number is missing or empty.");
            }

            string? reason = CorrectionReason(root, caseNumber);
            if (!WireCodes.TryParseParticipation(String(root, "participation"), out var participation))
            {
                throw new DomainValidationException("participation", $"Unknown participation '{String(root, "participation")}': use perpetrator, attempt, aiding, conspiracy or other.");
            }

            var (restSubMonths, restSubType) = RestitutionSubstitute(root);
            var facts = new CourtVerdictFacts
            {
                CaseNumber = caseNumber,
                Region = region,
                Court = String(root, "court"),
                DecisionDate = Date(root, "decision_date"),
                DeliberationDate = Date(root, "deliberation_date"),
                Defendants = Int(root, "defendants"),
                OffenceDateFrom = Date(root, "offence_date_from"),
                OffenceDateTo = Date(root, "offence_date_to"),
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
                ArrestDate = Date(root, "arrest_date"),
                DetentionPeriods = DetentionPeriods(root),
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
                : throw new DomainValidationException("correction_reason", "correction_reason is only allowed on a correction line: add \"corrects\" with the case number of the stored record it replaces.");
        }

        if (CourtVerdict.CaseNumberIdentityOf(corrects) != CourtVerdict.CaseNumberIdentityOf(caseNumber))
        {
            throw new DomainValidationException("corrects", $"corrects '{corrects}' must name the line's own case_number '{caseNumber}': a correction replaces the facts of the verdict with that case number and cannot change the number.");
        }

        if (reason is null)
        {
            throw new DomainValidationException("correction_reason", "correction_reason is required on a correction line: say why the stored facts were wrong.");
        }

        reason = reason.Trim();
        if (reason.Length is 0 or > PutusanLine.ReasonMaxLength)
        {
            throw new DomainValidationException("correction_reason", string.Create(CultureInfo.InvariantCulture, $"correction_reason must hold 1 to {PutusanLine.ReasonMaxLength} characters, not {reason.Length}."));
        }

        int control = reason.AsSpan().IndexOfAnyInRange('\u0000', '\u001F');
        if (control < 0)
        {
            control = reason.AsSpan().IndexOfAnyInRange('\u007F', '\u009F');
        }

        return control < 0 ? reason
            : throw new DomainValidationException("correction_reason", string.Create(CultureInfo.InvariantCulture, $"correction_reason holds a control character (U+{(int)reason[control]:X4}) at position {control + 1}: write the reason on one line of plain text."));
    }

    private static JsonElement? Field(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? String(JsonElement obj, string name, string? path = null)
    {
        if (Field(obj, name) is not { } v)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            throw new DomainValidationException(path ?? name, $"{path ?? name} must be a string, not {Kind(v)}.");
        }

        try
        {
            return v.GetString();
        }
        catch (InvalidOperationException ex)
        {
            throw new DomainValidationException(path ?? name, $"{path ?? name} is not valid text ({ex.Message})");
        }
    }

    private static long? Long(JsonElement obj, string name, string? path = null)
    {
        if (Field(obj, name) is not { } v)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Number)
        {
            throw new DomainValidationException(path ?? name, $"{path ?? name} must be a whole number, not {Kind(v)} {v.GetRawText()}.");
        }

        if (!v.TryGetInt64(out long n))
        {
            throw new DomainValidationException(path ?? name, $"{path ?? name} must be a whole number written without a decimal point or exponent, not {v.GetRawText()}.");
        }

        return n;
    }

    private static int? Int(JsonElement obj, string name, string? path = null)
    {
        long? n = Long(obj, name, path);
        return n is null ? null
            : n is >= int.MinValue and <= int.MaxValue ? (int)n.Value
            : throw new DomainValidationException(path ?? name, $"{path ?? name} is out of range.");
    }

    private static bool? Bool(JsonElement obj, string name, string path)
    {
        if (Field(obj, name) is not { } v)
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new DomainValidationException(path, $"{path} must be true, false or null, not {Kind(v)}."),
        };
    }

    private static LocalDate? Date(JsonElement obj, string name, string? path = null)
    {
        string? text = String(obj, name, path);
        if (text is null)
        {
            return null;
        }

        var result = DatePattern.Parse(text);
        return result.Success
            ? result.Value
            : throw new DomainValidationException(path ?? name, $"{path ?? name} '{text}' is not a real date (YYYY-MM-DD).");
    }

    private static List<string> StringList(JsonElement obj, string name)
    {
        if (Field(obj, name) is not { } v)
        {
            return [];
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            throw new DomainValidationException(name, $"{name} must be a list of strings, not {Kind(v)}.");
        }

        var list = new List<string>();
        int i = 0;
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw new DomainValidationException($"{name}[{i}]", $"{name}[{i}] must be a string, not {Kind(item)}.");
            }

            try
            {
                list.Add(item.GetString()!);
            }
            catch (InvalidOperationException ex)
            {
                throw new DomainValidationException($"{name}[{i}]", $"{name}[{i}] is not valid text ({ex.Message})");
            }

            i++;
        }

        return list;
    }

    private static VerdictAggravations Aggravations(JsonElement root)
    {
        if (Field(root, "aggravations") is not { } a)
        {
            return new VerdictAggravations();
        }

        if (a.ValueKind != JsonValueKind.Object)
        {
            throw new DomainValidationException("aggravations", "aggravations must be an object of booleans.");
        }

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
            throw new DomainValidationException("victims", "victims must be a list of objects.");
        }

        int i = 0;
        foreach (var v in list.EnumerateArray())
        {
            string path = string.Create(CultureInfo.InvariantCulture, $"victims[{i}]");
            if (v.ValueKind != JsonValueKind.Object)
            {
                throw new DomainValidationException(path, $"{path} must be an object.");
            }

            string? sexCode = String(v, "sex", path + ".sex");
            if (!WireCodes.TryParseSex(sexCode, out var sex))
            {
                throw new DomainValidationException(path + ".sex", $"Unknown sex code '{sexCode}' in {path}: use female, male or null.");
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
            throw new DomainValidationException("restitution_substitute", "restitution_substitute must be an object with months and type.");
        }

        return (Int(s, "months", "restitution_substitute.months"), String(s, "type", "restitution_substitute.type"));
    }

    private static List<RecordedDetentionPeriod> DetentionPeriods(JsonElement root)
    {
        var periods = new List<RecordedDetentionPeriod>();
        if (Field(root, "detention_periods") is not { } d)
        {
            return periods;
        }

        if (d.ValueKind == JsonValueKind.Array)
        {
            AddChain(periods, d, null, "detention_periods");
        }
        else if (d.ValueKind == JsonValueKind.Object)
        {
            foreach (var chain in d.EnumerateObject())
            {
                if (chain.Value.ValueKind != JsonValueKind.Array)
                {
                    throw new DomainValidationException($"detention_periods.{chain.Name}", "Each defendant's detention chain must be a list.");
                }

                AddChain(periods, chain.Value, chain.Name, $"detention_periods.{chain.Name}");
            }
        }
        else
        {
            throw new DomainValidationException("detention_periods", "detention_periods must be a list, or an object of lists keyed by defendant.");
        }

        return periods;
    }

    private static void AddChain(List<RecordedDetentionPeriod> periods, JsonElement chain, string? defendant, string basePath)
    {
        int i = 0;
        foreach (var p in chain.EnumerateArray())
        {
            string path = string.Create(CultureInfo.InvariantCulture, $"{basePath}[{i}]");
            if (p.ValueKind != JsonValueKind.Object)
            {
                throw new DomainValidationException(path, $"{path} must be an object.");
            }

            periods.Add(new RecordedDetentionPeriod(
                defendant,
                String(p, "by", path + ".by") ?? string.Empty,
                Date(p, "from", path + ".from"),
                Date(p, "to", path + ".to"),
                Int(p, "days_inclusive", path + ".days_inclusive")));
            i++;
        }
    }

    private static string Kind(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}
