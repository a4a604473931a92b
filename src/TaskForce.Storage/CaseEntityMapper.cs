using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;
using TaskForce.Application.Cases;
using TaskForce.Application.Serialization;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.Legal;
using TaskForce.Domain.Workflows;

namespace TaskForce.Storage;

/// <summary>
/// Maps a case to the rows of its partition (ADR-007) and back: the <c>case</c> row (header, summary columns and the
/// case-level facts as JSON) and one <c>person|{id}</c> row per person, whose identity values and birth date sit in
/// one AES-GCM encrypted column (ADR-004). No identity value is written to any other column.
/// </summary>
internal static class CaseEntityMapper
{
    public const string KindCase = "case";
    public const string KindPerson = "person";
    public const string KindIdempotency = "idempotency";
    public const int SchemaVersion = 1;
    public const string IdentityField = "identity";

    private static readonly InstantPattern InstantText = InstantPattern.ExtendedIso;
    private static readonly LocalDatePattern DateText = LocalDatePattern.Iso;

    public static (TableEntity CaseRow, List<TableEntity> PersonRows) ToEntities(CaseRecord record, string ownerAgency, IdentityProtector protector)
    {
        var state = record.ToState();
        var summary = CaseSummary.From(record, ownerAgency);
        string pk = TableKeys.CasePartition(record.Id.Value);
        var row = new TableEntity(pk, TableKeys.CaseRow)
        {
            ["Kind"] = KindCase,
            ["SchemaVersion"] = SchemaVersion,
            ["OwnerAgency"] = ownerAgency,
            ["ReportedOn"] = DateText.Format(record.ReportedOn),
            ["CreatedAt"] = state.CreatedAt.ToDateTimeOffset(),
            ["CreatedAtText"] = InstantText.Format(state.CreatedAt),
            ["Victims"] = summary.Victims,
            ["ChildVictims"] = summary.ChildVictims,
            ["Suspects"] = summary.Suspects,
            ["Witnesses"] = summary.Witnesses,
            ["TraffickingStatus"] = summary.TraffickingStatus.ToCode(),
            ["ConsentForSharing"] = summary.ConsentForSharing,
            ["Elements"] = Json(state.Elements),
            ["Places"] = Json(state.Places),
            ["Consent"] = Json(state.Consent),
            ["ConsentRecordedAtText"] = state.ConsentRecordedAt is { } c ? InstantText.Format(c) : null,
            ["VictimConsents"] = Json(state.VictimConsents),
            ["ConsentToShare"] = record.SharingConsent.ToCode(),
            ["GbvType"] = state.GbvType,
            ["SimfoniForms"] = Json(state.SimfoniForms),
            ["SpdpSentOn"] = state.SpdpSentOn is { } spdp ? DateText.Format(spdp) : null,
            ["IsSexualViolence"] = summary.IsSexualViolence,
            ["IsChildSexualViolence"] = summary.IsChildSexualViolence,
            ["VictimIds"] = string.Join(',', state.Victims.Select(v => v.Id)),
            ["SuspectIds"] = string.Join(',', state.Suspects.Select(v => v.Id)),
            ["RetiredPersonIds"] = state.RetiredPersonIds.Count == 0 ? null : string.Join(',', state.RetiredPersonIds),
            ["LinkagePseudonyms"] = Json(state.LinkagePseudonyms), // random values, not derived from identity (ADR-019)
            ["SuspectDetentions"] = Json(state.SuspectDetentions), // person ids, stages and dates only (ADR-024)
            ["DetentionReleaseByLaw"] = SuspectDetentionColumns.LatestReleaseByLaw(record),
        };
        WriteHeader(row, state);

        var persons = new List<TableEntity>();
        for (int i = 0; i < state.Victims.Count; i++)
        {
            var (id, v) = (state.Victims[i].Id, state.Victims[i].Person);
            var e = Person(pk, id, "victim", i + 1);
            e["Sex"] = v.Sex;
            e["AgeAtOffence"] = v.AgeAtOffence;
            e["Unborn"] = v.Unborn;
            e["Citizenship"] = v.Citizenship;
            e["Disability"] = v.Disability;
            e["MigrantWorkerStatus"] = v.MigrantWorkerStatus;
            Protect(e, v.Identity, v.BirthDate, protector);
            persons.Add(e);
        }

        for (int i = 0; i < state.Suspects.Count; i++)
        {
            var (id, s) = (state.Suspects[i].Id, state.Suspects[i].Person);
            var e = Person(pk, id, "suspect", i + 1);
            e["Sex"] = s.Sex;
            e["Roles"] = string.Join(',', s.Roles ?? []);
            e["StateOfficial"] = s.StateOfficial;
            e["Corporation"] = s.Corporation;
            e["Citizenship"] = s.Citizenship;
            Protect(e, s.Identity, null, protector);
            persons.Add(e);
        }

        for (int i = 0; i < state.Witnesses.Count; i++)
        {
            var (id, w) = (state.Witnesses[i].Id, state.Witnesses[i].Person);
            var e = Person(pk, id, "witness", i + 1);
            e["Child"] = w.Child;
            Protect(e, w.Identity, null, protector);
            persons.Add(e);
        }

        return (row, persons);
    }

    public static CaseRecordState ToState(TableEntity caseRow, IEnumerable<TableEntity> personRows, IdentityProtector protector)
    {
        var byRole = personRows.Where(p => p.GetString("Kind") == KindPerson)
            .GroupBy(p => p.GetString("Role") ?? string.Empty)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.GetInt32("Position")).ToList(), StringComparer.Ordinal);
        List<TableEntity> Rows(string role, string countColumn)
        {
            var rows = byRole.GetValueOrDefault(role) ?? [];
            int expected = caseRow.GetInt32(countColumn) ?? 0;
            if (rows.Count != expected)
            {
                throw new InvalidDataException($"Case {caseRow.PartitionKey} lists {expected} {countColumn.ToLowerInvariant()} but {rows.Count} person rows are stored.");
            }

            return rows;
        }

        return new CaseRecordState(ReadHeader(caseRow))
        {
            CreatedAt = ParseInstant(caseRow.GetString("CreatedAtText")),
            Victims = [.. Rows("victim", "Victims").Select(p =>
            {
                var (identity, birthDate) = Unprotect(p, protector);
                return new PersonState<NewVictim>(p.GetString("PersonId"), new NewVictim
                {
                    Sex = p.GetString("Sex"),
                    BirthDate = birthDate,
                    AgeAtOffence = p.GetInt32("AgeAtOffence"),
                    Unborn = p.GetBoolean("Unborn") ?? false,
                    Citizenship = p.GetString("Citizenship"),
                    Disability = p.GetBoolean("Disability"),
                    MigrantWorkerStatus = p.GetString("MigrantWorkerStatus"),
                    Identity = identity,
                });
            })],
            Suspects = [.. Rows("suspect", "Suspects").Select(p => new PersonState<NewSuspect>(p.GetString("PersonId"), new NewSuspect
            {
                Sex = p.GetString("Sex"),
                Roles = (p.GetString("Roles") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries),
                StateOfficial = p.GetBoolean("StateOfficial") ?? false,
                Corporation = p.GetBoolean("Corporation") ?? false,
                Citizenship = p.GetString("Citizenship"),
                Identity = Unprotect(p, protector).Identity,
            }))],
            Witnesses = [.. Rows("witness", "Witnesses").Select(p => new PersonState<NewWitness>(p.GetString("PersonId"), new NewWitness
            {
                Child = p.GetBoolean("Child") ?? false,
                Identity = Unprotect(p, protector).Identity,
            }))],
            Elements = FromJson<NewTraffickingElements>(caseRow.GetString("Elements")),
            Places = FromJson<NewPlaces>(caseRow.GetString("Places")),
            Consent = FromJson<NewConsent>(caseRow.GetString("Consent")),
            ConsentRecordedAt = caseRow.GetString("ConsentRecordedAtText") is { } c ? ParseInstant(c) : null,
            VictimConsents = FromJson<List<PersonState<VictimConsentState>>>(caseRow.GetString("VictimConsents")), // absent on rows stored before ADR-018
            GbvType = caseRow.GetString("GbvType"),
            SimfoniForms = FromJson<List<string>>(caseRow.GetString("SimfoniForms")) ?? [],
            SpdpSentOn = ParseDate(caseRow.GetString("SpdpSentOn")),
            RetiredPersonIds = (caseRow.GetString("RetiredPersonIds") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries),
            LinkagePseudonyms = FromJson<Dictionary<string, string>>(caseRow.GetString("LinkagePseudonyms")),
            SuspectDetentions = FromJson<List<PersonState<SuspectDetentionState>>>(caseRow.GetString("SuspectDetentions")), // absent before ADR-024
        };
    }

    public static CaseSummary ToSummary(TableEntity row) => new(
        ReadHeader(row),
        row.GetString("OwnerAgency"),
        ParseDate(row.GetString("ReportedOn")) ?? throw new InvalidDataException($"Case {row.PartitionKey} has no report date."),
        ParseInstant(row.GetString("CreatedAtText")))
    {
        Victims = row.GetInt32("Victims") ?? 0,
        ChildVictims = row.GetInt32("ChildVictims") ?? 0,
        Suspects = row.GetInt32("Suspects") ?? 0,
        Witnesses = row.GetInt32("Witnesses") ?? 0,
        TraffickingStatus = ReadTraffickingStatus(row.GetString("TraffickingStatus")),
        ConsentForSharing = row.GetBoolean("ConsentForSharing"),
        IsSexualViolence = row.GetBoolean("IsSexualViolence") ?? false,
        IsChildSexualViolence = row.GetBoolean("IsChildSexualViolence") ?? false,
        SpdpSentOn = ParseDate(row.GetString("SpdpSentOn")),
    };

    /// <summary>The columns a listing reads (never the JSON facts).</summary>
    public static readonly IReadOnlyList<string> SummaryColumns =
    [
        "PartitionKey", "RowKey", "CaseId", "Region", "CaseType", "AgencyKind", "AgencyName", "OwnerAgency", "IntakeChannel", "ReportedAtText", "ReportedOn",
        "OffenceDate", "CreatedAtText", "Victims", "ChildVictims", "Suspects", "Witnesses", "TraffickingStatus", "ConsentForSharing", "ConsentToShare",
        "IsSexualViolence", "IsChildSexualViolence", "SpdpSentOn", "VictimIds", "SuspectIds",
    ];

    /// <summary>Writes the columns of a case's header (<see cref="CaseHeader"/>): the one place a header field meets
    /// a column.</summary>
    private static void WriteHeader(TableEntity row, CaseHeader header)
    {
        row["CaseId"] = header.Id;
        row["Region"] = header.Region;
        row["CaseType"] = header.CaseType;
        row["AgencyKind"] = header.ReportingAgency?.Kind;
        row["AgencyName"] = header.ReportingAgency?.Name;
        row["IntakeChannel"] = header.IntakeChannel;
        row["ReportedAt"] = header.ReportedAt?.ToDateTimeOffset();
        row["ReportedAtText"] = header.ReportedAt is { } r ? InstantText.Format(r) : null;
        row["OffenceDate"] = header.OffenceDate is { } o ? DateText.Format(o) : null;
    }

    /// <summary>Reads the columns <see cref="WriteHeader"/> writes.</summary>
    private static CaseHeader ReadHeader(TableEntity row) => new()
    {
        Id = row.GetString("CaseId"),
        Region = row.GetString("Region"),
        CaseType = row.GetString("CaseType"),
        ReportingAgency = new NewAgency(row.GetString("AgencyKind"), row.GetString("AgencyName")),
        IntakeChannel = row.GetString("IntakeChannel"),
        ReportedAt = ParseInstant(row.GetString("ReportedAtText")),
        OffenceDate = ParseDate(row.GetString("OffenceDate")),
    };

    public static string AssociatedData(string partitionKey, string rowKey) => $"{partitionKey}|{rowKey}|{IdentityField}";

    private static TableEntity Person(string pk, string personId, string role, int position) => new(pk, TableKeys.PersonRow(personId))
    {
        ["Kind"] = KindPerson,
        ["SchemaVersion"] = SchemaVersion,
        ["PersonId"] = personId,
        ["Role"] = role,
        ["Position"] = position,
    };

    private static void Protect(TableEntity e, NewIdentity? identity, LocalDate? birthDate, IdentityProtector protector)
    {
        if (identity is null && birthDate is null)
        {
            return; // nothing identifying to protect: no key is needed
        }

        byte[] plain = JsonSerializer.SerializeToUtf8Bytes(new ProtectedPerson(identity, birthDate), TaskForceJson.Options);
        var (keyId, value) = protector.Protect(plain, AssociatedData(e.PartitionKey, e.RowKey));
        e["Identity"] = value;
        e["IdentityKeyId"] = keyId;
    }

    /// <summary>Decrypts a person row's identity column (for the search of a person's records, ADR-019).</summary>
    public static (NewIdentity? Identity, LocalDate? BirthDate) ReadIdentity(TableEntity personRow, IdentityProtector protector) => Unprotect(personRow, protector);

    private static (NewIdentity? Identity, LocalDate? BirthDate) Unprotect(TableEntity e, IdentityProtector protector)
    {
        string? value = e.GetString("Identity");
        if (value is null)
        {
            return (null, null);
        }

        byte[] plain = protector.Unprotect(e.GetString("IdentityKeyId") ?? string.Empty, value, AssociatedData(e.PartitionKey, e.RowKey));
        var person = JsonSerializer.Deserialize<ProtectedPerson>(plain, TaskForceJson.Options) ?? throw new InvalidDataException("An identity value decrypted to null.");
        return (person.Identity, person.BirthDate);
    }

    private static string? Json<T>(T? value) => value is null ? null : JsonSerializer.Serialize(value, TaskForceJson.Options);

    private static T? FromJson<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, TaskForceJson.Options);

    private static Instant ParseInstant(string? text) =>
        text is not null && InstantText.Parse(text) is { Success: true } r ? r.Value : throw new InvalidDataException("A stored instant is missing or malformed.");

    private static LocalDate? ParseDate(string? text) =>
        text is null ? null : DateText.Parse(text) is { Success: true } r ? r.Value : throw new InvalidDataException("A stored date is malformed.");

    // The stored status is the wire code of the domain's code table (LegalCodes), never a name by convention.
    private static TraffickingStatus ReadTraffickingStatus(string? code)
    {
        try
        {
            return LegalCodes.ParseTraffickingStatus(code);
        }
        catch (DomainValidationException ex)
        {
            throw new InvalidDataException("A stored trafficking status is not a known code.", ex);
        }
    }

    private sealed record ProtectedPerson(NewIdentity? Identity, LocalDate? BirthDate);
}
