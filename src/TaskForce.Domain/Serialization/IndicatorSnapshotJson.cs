using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime.Text;
using TaskForce.Domain.Estimation;
using TaskForce.Domain.Indicators;

namespace TaskForce.Domain.Serialization;

/// <summary>
/// Writes an <see cref="IndicatorSnapshot"/> as the contract's snapshot JSON (docs/wire-contract.md,
/// <c>snapshot</c>): fields and cells in a fixed order, dates and instants in ISO form, numbers in invariant culture
/// without trailing zeros (<c>42</c>, <c>42.5</c>), so the same snapshot always gives the same bytes. Part of
/// <see cref="WireJson.Options"/>; the API, the tool and the snapshots table write snapshots with it.
/// </summary>
public static class IndicatorSnapshotJson
{
    /// <summary>Writes a snapshot as one JSON object.</summary>
    /// <param name="writer">The writer, positioned where a value may start.</param>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="includeGeneratedAt"><see langword="false"/> to leave out <c>generated_at</c>: the snapshot's
    /// content alone, for fingerprints that do not change when the same figures are computed again.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="snapshot"/> is
    /// <see langword="null"/>.</exception>
    public static void Write(Utf8JsonWriter writer, IndicatorSnapshot snapshot, bool includeGeneratedAt = true)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(snapshot);
        WriteTo(writer, snapshot, includeGeneratedAt);
    }

    /// <summary>Formats a decimal without trailing zeros in invariant culture (42.50 → 42.5, 42.0 → 42).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text, as the snapshot JSON writes the number.</returns>
    public static string FormatNumber(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    internal static void WriteTo(Utf8JsonWriter w, IndicatorSnapshot s, bool includeGeneratedAt)
    {
        var date = LocalDatePattern.Iso;
        w.WriteStartObject();
        w.WriteString("region", s.Region);
        w.WriteStartObject("period");
        w.WriteString("label", s.Period.Label);
        w.WriteString("start", date.Format(s.Period.Start));
        w.WriteString("end", date.Format(s.Period.End));
        w.WriteString("zone", s.ZoneId);
        w.WriteEndObject();
        w.WriteString("catalogue_version", s.CatalogueVersion);
        w.WriteNumber("suppression_k", s.SuppressionK);
        if (includeGeneratedAt)
        {
            w.WriteString("generated_at", InstantPattern.ExtendedIso.Format(s.GeneratedAt));
        }

        w.WriteStartArray("indicators");
        foreach (var cell in s.Indicators)
        {
            w.WriteStartObject();
            w.WriteString("id", cell.Id);
            if (cell.Value is { } value)
            {
                w.WriteNumberValueRaw("value", value);
            }
            else
            {
                w.WriteNull("value");
            }

            w.WriteString("unit", cell.Unit);
            w.WriteBoolean("suppressed", cell.Suppressed);
            w.WriteStartObject("disaggregation");
            foreach (var (k, v) in cell.Disaggregation)
            {
                w.WriteString(k, v);
            }

            w.WriteEndObject();
            if (cell.Population is { } pop)
            {
                w.WriteStartObject("population");
                w.WriteNumber("value", pop.Value);
                w.WriteNumber("year", pop.Year);
                w.WriteString("reference", pop.Reference);
                w.WriteString("source", pop.Source);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("coverage");
        w.WriteNumber("records_read", s.Coverage.RecordsRead);
        w.WriteNumber("records_in_period", s.Coverage.RecordsInPeriod);
        w.WriteNumber("records_without_date", s.Coverage.RecordsWithoutDate);
        w.WriteStartObject("rules");
        foreach (var (k, v) in s.Coverage.Rules)
        {
            w.WriteString(k, v);
        }

        w.WriteEndObject();
        if (s.Coverage.CaseRecords is { } c)
        {
            w.WriteStartObject("case_records");
            w.WriteNumber("records_read", c.CaseRecordsRead);
            w.WriteNumber("records_without_consent", c.CaseRecordsWithoutConsent);
            w.WriteNumber("cases_reported_in_period", c.CasesReportedInPeriod);
            w.WriteNumber("victim_rows_in_period", c.VictimRowsInPeriod);
            w.WriteNumber("persons_in_period", c.PersonsInPeriod);
            w.WriteNumber("persons_in_several_agencies", c.PersonsInSeveralAgencies);
            w.WriteNumber("persons_without_linkage_key", c.PersonsWithoutLinkageKey);
            w.WriteEndObject();
        }

        if (s.Coverage.Warnings.Count > 0)
        {
            w.WriteStartArray("warnings");
            foreach (string warning in s.Coverage.Warnings)
            {
                w.WriteStringValue(warning);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        if (s.HiddenVictims is { } hidden)
        {
            WriteHiddenVictims(w, hidden);
        }

        w.WriteEndObject();
    }

    /// <summary>Writes the <c>hidden_victims</c> section: method and model, the overall figure with the SDG 16.2.2 rate
    /// beside the detected rate, notes, and the strata.</summary>
    private static void WriteHiddenVictims(Utf8JsonWriter w, HiddenVictimsSection h)
    {
        w.WriteStartObject(IndicatorIds.HiddenVictims);
        w.WriteString("method", h.Method);
        w.WriteString("model", h.Model);
        w.WriteNumberValueRaw("p_threshold", h.PThreshold);
        w.WriteNumberValueRaw("ci_level", h.ConfidenceLevel);
        w.WriteString("ci_method", "wald_log_dark_figure");
        w.WriteString("linkage_rule", h.LinkageRule);
        WriteFigure(w, h.Overall);
        w.WriteStartObject(IndicatorIds.Sdg1622);
        WriteNullable(w, "detected", h.DetectedRate);
        w.WriteBoolean("detected_suppressed", h.DetectedRateSuppressed);
        WriteRate(w, h.Overall.Rate);
        if (h.Population is { } pop)
        {
            w.WriteStartObject("population");
            w.WriteNumber("value", pop.Value);
            w.WriteNumber("year", pop.Year);
            w.WriteString("reference", pop.Reference);
            w.WriteString("source", pop.Source);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("population");
        }

        w.WriteEndObject();
        WriteWarnings(w, "notes", h.Notes);
        w.WriteStartArray("strata");
        foreach (var stratum in h.Strata)
        {
            w.WriteStartObject();
            w.WriteString("sex", stratum.Sex);
            w.WriteString("age_group", stratum.AgeGroup);
            w.WriteString("exploitation_form", stratum.ExploitationForm);
            WriteFigure(w, stratum.Figure);
            w.WriteStartObject(IndicatorIds.Sdg1622);
            WriteRate(w, stratum.Figure.Rate);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteFigure(Utf8JsonWriter w, HiddenVictimFigure f)
    {
        w.WriteString("status", f.Status);
        if (f.Reason is { } reason)
        {
            w.WriteString("reason", reason);
        }
        else
        {
            w.WriteNull("reason");
        }

        w.WriteStartArray("lists");
        foreach (string list in f.Lists)
        {
            w.WriteStringValue(list);
        }

        w.WriteEndArray();
        if (f.Observed is { } observed)
        {
            w.WriteNumber("observed", observed);
        }
        else
        {
            w.WriteNull("observed");
        }

        w.WriteBoolean("observed_suppressed", f.ObservedSuppressed);
        w.WriteStartArray("terms");
        foreach (string term in f.Terms)
        {
            w.WriteStringValue(term);
        }

        w.WriteEndArray();
        w.WriteStartArray("empty_overlap_terms");
        foreach (string term in f.EmptyOverlapTerms)
        {
            w.WriteStringValue(term);
        }

        w.WriteEndArray();
        WriteNullable(w, "dark_figure", f.DarkFigure);
        WriteNullable(w, "estimate", f.Estimate);
        WriteNullable(w, "ci_low", f.Wald?.Low);
        WriteNullable(w, "ci_high", f.Wald?.High);
        WriteNullable(w, "profile_ci_low", f.Profile?.Low);
        WriteNullable(w, "profile_ci_high", f.Profile?.High);
        WriteWarnings(w, "warnings", f.Warnings);
    }

    private static void WriteRate(Utf8JsonWriter w, HiddenVictimRate? rate)
    {
        WriteNullable(w, "estimated", rate?.Estimated);
        WriteNullable(w, "ci_low", rate?.Wald.Low);
        WriteNullable(w, "ci_high", rate?.Wald.High);
        WriteNullable(w, "profile_ci_low", rate?.Profile?.Low);
        WriteNullable(w, "profile_ci_high", rate?.Profile?.High);
    }

    private static void WriteWarnings(Utf8JsonWriter w, string name, IReadOnlyList<HiddenVictimWarning> warnings)
    {
        w.WriteStartArray(name);
        foreach (var warning in warnings)
        {
            w.WriteStartObject();
            w.WriteString("code", warning.Code);
            w.WriteString("message", warning.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumberValueRaw(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteNumberValueRaw(this Utf8JsonWriter w, string name, decimal value)
    {
        w.WritePropertyName(name);
        w.WriteRawValue(FormatNumber(value), skipInputValidation: true);
    }

    /// <summary>The snapshot in <see cref="WireJson.Options"/>: written as above; reading is not supported (a
    /// snapshot is a published result, never an input).</summary>
    internal sealed class Converter : JsonConverter<IndicatorSnapshot>
    {
        public override IndicatorSnapshot Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("An indicator snapshot is written, never read, by the wire format.");

        public override void Write(Utf8JsonWriter writer, IndicatorSnapshot value, JsonSerializerOptions options) =>
            WriteTo(writer, value, includeGeneratedAt: true);
    }
}
