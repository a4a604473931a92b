using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using TaskForce.Application.Serialization;
using TaskForce.Domain.Common;
using TaskForce.Domain.Detention;
using TaskForce.Application.Resources;

namespace TaskForce.Application.Detention;

/// <summary>The parsed input of <c>detention-check</c>: the chain and the date its warnings are computed for.</summary>
/// <param name="Request">The chain.</param>
/// <param name="AsOf">The business date for the release warnings, or <see langword="null"/> for today in the district
/// zone.</param>
public sealed record DetentionCheckInput(DetentionCheckRequest Request, LocalDate? AsOf);

/// <summary>
/// Reads and writes the JSON of <c>detention-check</c> (docs/wire-contract.md), shared by the tool and
/// <c>POST /api/detention-checks</c> so both accept and return exactly the same documents.
/// </summary>
/// <remarks>
/// <para>Input (snake_case): <c>article</c> (an id such as <c>UU21-2007:2(1)</c>, optional), <c>offence_date</c> and
/// <c>arrest_date</c> (<c>YYYY-MM-DD</c> or null, optional), <c>periods</c> (required array of at most
/// <see cref="DetentionCheckRequest.MaxPeriods"/> objects), and the extensions <c>serious_disorder_certified</c>
/// (bool, KUHAP Pasal 29(1)(a)), <c>warning_days</c> (days before <c>release_by_law</c> a warning is raised, default 7)
/// and <c>as_of</c> (the date of the warnings, default today in Asia/Makassar). Each period has <c>stage</c> (a
/// contract stage code, or null when the printed stage could not be recognised: it is then reported as
/// <c>unrecognised_stage</c>), <c>from</c> and <c>to</c> (dates, or null when not printed: reported as
/// <c>missing_date</c>), and optionally <c>label</c> (the printed text, echoed) and <c>detention_type</c>
/// (<c>rutan</c>, <c>tahanan_rumah</c>, <c>tahanan_kota</c>).</para>
/// <para>Bad input — malformed JSON, an unknown field (a typo such as <c>form</c> must not silently drop a date), a
/// missing <c>periods</c>, <c>stage</c>, <c>from</c> or <c>to</c> key, an unknown stage code, an impossible date such as
/// <c>2025-02-30</c>, a value of the wrong type — throws <see cref="DomainValidationException"/> naming the field
/// (e.g. <c>periods[2].from</c>). Messy but well-formed chains (reversed dates, gaps, overlaps) are not bad input:
/// the ledger reports them.</para>
/// </remarks>
public static class DetentionCheckJson
{
    /// <summary>The largest input accepted, in characters.</summary>
    public const int MaxInputLength = 1_000_000;

    private const int MaxArticleLength = 100;

    private static readonly string[] RootFields = ["article", "offence_date", "arrest_date", "periods", "serious_disorder_certified", "warning_days", "as_of"];
    private static readonly string[] PeriodFields = ["stage", "from", "to", "label", "detention_type"];

    /// <summary>Parses an input document.</summary>
    /// <param name="json">The document. Cannot be <see langword="null"/>.</param>
    /// <returns>The chain and its warning date.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">The document is not valid input; the field is named (empty for a
    /// document that is not JSON at all).</exception>
    public static DetentionCheckInput Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxInputLength)
        {
            throw new DomainValidationException(Texts.Format(WorkflowsAppText.DetentionCheckJsonInputLongerThanCharacters, MaxInputLength));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            throw new DomainValidationException(Texts.Format(WorkflowsAppText.DetentionCheckJsonInputValidJSONLine, ex.LineNumber + 1, ex.BytePositionInLine + 1));
        }

        using (document)
        {
            var root = document.RootElement;
            JsonDuplicateKeys.Check(root); // a field named twice is refused naming it (issue 15 §4)
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DomainValidationException(WorkflowsAppText.DetentionCheckJsonInputMustJSONObject);
            }

            CheckFields(root, RootFields, string.Empty);
            if (!root.TryGetProperty("periods", out var periodsElement))
            {
                throw new DomainValidationException("periods", WorkflowsAppText.DetentionCheckJsonPeriodsRequiredArrayDetention);
            }

            if (periodsElement.ValueKind != JsonValueKind.Array)
            {
                throw new DomainValidationException("periods", WorkflowsAppText.DetentionCheckJsonPeriodsMustArray);
            }

            if (periodsElement.GetArrayLength() > DetentionCheckRequest.MaxPeriods)
            {
                throw new DomainValidationException("periods", Texts.Format(WorkflowsAppText.DetentionCheckJsonAtMostPeriodsAre, DetentionCheckRequest.MaxPeriods, periodsElement.GetArrayLength()));
            }

            var periods = new List<DetentionPeriodInput>();
            int i = 0;
            foreach (var p in periodsElement.EnumerateArray())
            {
                periods.Add(ParsePeriod(p, $"periods[{i}]"));
                i++;
            }

            var request = new DetentionCheckRequest
            {
                Article = OptionalString(root, "article", "article", MaxArticleLength),
                OffenceDate = OptionalDate(root, "offence_date", "offence_date"),
                ArrestDate = OptionalDate(root, "arrest_date", "arrest_date"),
                Periods = periods,
                SeriousDisorderCertified = OptionalBool(root, "serious_disorder_certified") ?? false,
                WarningDays = OptionalInt(root, "warning_days") ?? 7,
            };
            return new DetentionCheckInput(request, OptionalDate(root, "as_of", "as_of"));
        }
    }

    /// <summary>Writes a result as the contract's JSON (snake_case, ISO dates).</summary>
    /// <param name="result">The result. Cannot be <see langword="null"/>.</param>
    /// <returns>One JSON document on one line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is <see langword="null"/>.</exception>
    public static string Write(DetentionCheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return JsonSerializer.Serialize(result, TaskForceJson.Options);
    }

    private static DetentionPeriodInput ParsePeriod(JsonElement p, string path)
    {
        if (p.ValueKind != JsonValueKind.Object)
        {
            throw new DomainValidationException(path, Texts.Format(WorkflowsAppText.DetentionCheckJsonMustObjectWithStage, path));
        }

        CheckFields(p, PeriodFields, path + ".");
        foreach (string key in new[] { "stage", "from", "to" })
        {
            if (!p.TryGetProperty(key, out _))
            {
                throw new DomainValidationException($"{path}.{key}", Texts.Format(WorkflowsAppText.DetentionCheckJsonRequiredNullWhenVerdict, path, key));
            }
        }

        var stageElement = p.GetProperty("stage");
        DetentionStage? stage = stageElement.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => DetentionStages.Parse(stageElement.GetString(), $"{path}.stage"),
            _ => throw new DomainValidationException($"{path}.stage", Texts.Format(WorkflowsAppText.DetentionCheckJsonStageMustStageCode, path)),
        };
        string? typeCode = OptionalString(p, "detention_type", $"{path}.detention_type", 20);
        var type = typeCode switch
        {
            null or "rutan" => DetentionType.Rutan,
            "tahanan_rumah" => DetentionType.TahananRumah,
            "tahanan_kota" => DetentionType.TahananKota,
            _ => throw new DomainValidationException($"{path}.detention_type", Texts.Format(WorkflowsAppText.DetentionCheckJsonDetentionTypeRutanTahanan, typeCode)),
        };
        return new DetentionPeriodInput(
            stage,
            OptionalDate(p, "from", $"{path}.from"),
            OptionalDate(p, "to", $"{path}.to"),
            OptionalString(p, "label", $"{path}.label", DetentionLedger.LabelMaxLength),
            type);
    }

    private static void CheckFields(JsonElement obj, string[] known, string prefix)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (Array.IndexOf(known, property.Name) < 0)
            {
                throw new DomainValidationException(prefix + property.Name, Texts.Format(WorkflowsAppText.DetentionCheckJsonFieldInputKnown, prefix, property.Name, string.Join(", ", known)));
            }
        }
    }

    private static LocalDate? OptionalDate(JsonElement obj, string name, string field)
    {
        if (!obj.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.String)
        {
            throw new DomainValidationException(field, Texts.Format(WorkflowsAppText.DetentionCheckJsonMustDateYYYYMM, field));
        }

        string text = e.GetString()!;
        var parsed = LocalDatePattern.Iso.Parse(text);
        return parsed.Success
            ? parsed.Value
            : throw new DomainValidationException(field, Texts.Format(WorkflowsAppText.DetentionCheckJsonCalendarDateYYYYMM, field, text));
    }

    private static string? OptionalString(JsonElement obj, string name, string field, int maxLength)
    {
        if (!obj.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.String)
        {
            throw new DomainValidationException(field, Texts.Format(WorkflowsAppText.DetentionCheckJsonMustStringNull, field));
        }

        string text = e.GetString()!.Trim();
        if (text.Length > maxLength)
        {
            throw new DomainValidationException(field, Texts.Format(WorkflowsAppText.DetentionCheckJsonLongerThanCharacters, field, maxLength));
        }

        return text.Length == 0 ? null : text;
    }

    private static bool? OptionalBool(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new DomainValidationException(name, Texts.Format(WorkflowsAppText.DetentionCheckJsonMustTrueFalse, name)),
        };
    }

    private static int? OptionalInt(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int value)
            ? value
            : throw new DomainValidationException(name, Texts.Format(WorkflowsAppText.DetentionCheckJsonMustWholeNumber, name));
    }
}
