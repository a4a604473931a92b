using System.Text;
using System.Text.Json;
using TaskForce.Application.Cases;
using TaskForce.Application.Serialization;
using TaskForce.Domain.Cases;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;
using static TaskForce.Integration.Tests.Cases.CaseTestData;

namespace TaskForce.Integration.Tests.Cases;

/// <summary>One model of a case header (<see cref="CaseHeader"/>, issue 11): the request body, the stored row and
/// both responses keep the exact format they had before the header was declared once. The expected texts were
/// captured from <c>main</c> before the change (same intake, clock and owner).</summary>
[Collection(StorageGroup.Name)]
public sealed class CaseHeaderRoundTripTests(AzuriteFixture storage)
{
    private const string Owner = "uptd_ppa_ttu";

    /// <summary>The <c>POST /cases</c> body of <see cref="CaseTestData.Intake"/>: header first, in the contract's order.
    /// An idempotency record stores these bytes, so a retry after the change must serialize to the same text.</summary>
    private const string IntakeJson = """
        {"id":"case-ttu-001","region":"53.03","case_type":"tppo","reporting_agency":{"kind":"uptd_ppa","name":"UPTD PPA Kabupaten TTU"},"intake_channel":"walk_in","reported_at":"2026-03-02T02:30:00Z","offence_date":"2025-11-20","victims":[{"sex":"female","birth_date":"2008-05-01","age_at_offence":null,"unborn":false,"citizenship":"ID","disability":false,"migrant_worker_status":"non_procedural","identity":{"full_name":"Yohana Sanam","aliases":["Nona Kefa"],"national_id_number":"5303014105080001","address":"RT 02 Desa Oelbonak","phone":"\u002B62 812 3799 1234","birth_place":"Oelbonak"}},{"sex":"male","birth_date":null,"age_at_offence":24,"unborn":false,"citizenship":"ID","disability":null,"migrant_worker_status":null,"identity":null}],"suspects":[{"sex":"male","roles":["recruiter"],"state_official":false,"corporation":false,"citizenship":"ID","identity":{"full_name":"Markus Tefa","aliases":null,"national_id_number":null,"address":null,"phone":null,"birth_place":null}}],"witnesses":[{"identity":{"full_name":"Agustina Kolo","aliases":null,"national_id_number":null,"address":null,"phone":null,"birth_place":null},"child":false}],"elements":{"acts":["perekrutan","pengiriman"],"means":["penipuan"],"purposes":["kerja_paksa"],"harms":null,"exploitation_occurred":false,"victim_consented":null,"victim_committed_coerced_offence":null},"places":{"origin_kecamatan":"53.03.01","transit":null,"destination_country":"MY","destination_province":null},"consent":{"for_services":true,"for_reporting":true,"for_sharing":true,"given_by":"parent_or_guardian"},"gbv_answers":null,"simfoni_forms":null,"spdp_sent_on":null}
        """;

    /// <summary>The <c>GET /cases/{id}</c> document (identity redacted).</summary>
    private const string DocumentJson = """
        {"id":"case-ttu-001","region":"53.03","case_type":"tppo","reporting_agency":{"kind":"uptd_ppa","name":"UPTD PPA Kabupaten TTU"},"owner_agency":"uptd_ppa_ttu","intake_channel":"walk_in","reported_at":"2026-03-02T02:30:00Z","reported_on":"2026-03-02","offence_date":"2025-11-20","created_at":"2026-03-10T01:00:00Z","identity_visible":false,"victims":[{"id":"victim-1","sex":"female","birth_date":null,"age_at_offence":17,"unborn":false,"child_status":"child","citizenship":"ID","disability":false,"migrant_worker_status":"non_procedural","identity":{"full_name":"[redacted]","aliases":["[redacted]"],"national_id_number":"[redacted]","address":"[redacted]","phone":"[redacted]","birth_place":"[redacted]"},"consent":{"for_services":true,"for_reporting":true,"for_sharing":true,"given_by":"parent_or_guardian","recorded_at":"2026-03-10T01:00:00Z","recorded_by":null,"recorded_by_agency":null,"reporting_withdrawn":false,"sharing_withdrawn":false}},{"id":"victim-2","sex":"male","birth_date":null,"age_at_offence":24,"unborn":false,"child_status":"adult","citizenship":"ID","disability":null,"migrant_worker_status":"unknown","identity":{"full_name":null,"aliases":[],"national_id_number":null,"address":null,"phone":null,"birth_place":null},"consent":{"for_services":true,"for_reporting":true,"for_sharing":true,"given_by":"parent_or_guardian","recorded_at":"2026-03-10T01:00:00Z","recorded_by":null,"recorded_by_agency":null,"reporting_withdrawn":false,"sharing_withdrawn":false}}],"suspects":[{"id":"suspect-1","sex":"male","roles":["recruiter"],"state_official":false,"corporation":false,"citizenship":"ID","identity":{"full_name":"[redacted]","aliases":[],"national_id_number":null,"address":null,"phone":null,"birth_place":null},"detention":null}],"witnesses":[{"id":"witness-1","child":false,"identity":{"full_name":"[redacted]","aliases":[],"national_id_number":null,"address":null,"phone":null,"birth_place":null}}],"elements":{"acts":["perekrutan","pengiriman"],"means":["penipuan"],"purposes":["kerja_paksa"],"harms":[],"exploitation_occurred":false,"victim_consented":null,"victim_committed_coerced_offence":null},"places":{"origin_kecamatan":"53.03.01","transit":[],"destination_country":"MY","destination_province":null},"consent":{"for_services":true,"for_reporting":true,"for_sharing":true,"given_by":"parent_or_guardian","recorded_at":"2026-03-10T01:00:00Z"},"gbv_type":null,"simfoni_forms":[],"spdp_sent_on":null,"is_sexual_violence":false,"is_child_sexual_violence":false}
        """;

    /// <summary>The <c>GET /cases</c> item.</summary>
    private const string SummaryJson = """
        {"id":"case-ttu-001","region":"53.03","case_type":"tppo","reporting_agency":{"kind":"uptd_ppa","name":"UPTD PPA Kabupaten TTU"},"owner_agency":"uptd_ppa_ttu","intake_channel":"walk_in","reported_at":"2026-03-02T02:30:00Z","reported_on":"2026-03-02","offence_date":"2025-11-20","created_at":"2026-03-10T01:00:00Z","victims":2,"child_victims":1,"suspects":1,"witnesses":1,"trafficking_status":"actual_victim","consent_for_sharing":true,"is_sexual_violence":false,"is_child_sexual_violence":false,"spdp_sent_on":null}
        """;

    /// <summary>The stored case row: every column but the table's own timestamp and ETag, sorted by name.</summary>
    private const string CaseRow = """
        case-ttu-001/case/AgencyKind=uptd_ppa;AgencyName=UPTD PPA Kabupaten TTU;CaseId=case-ttu-001;CaseType=tppo;ChildVictims=1;Consent={"for_services":true,"for_reporting":true,"for_sharing":true,"given_by":"parent_or_guardian"};ConsentForSharing=True;ConsentRecordedAtText=2026-03-10T01:00:00Z;ConsentToShare=given;CreatedAt=03/10/2026 01:00:00 +00:00;CreatedAtText=2026-03-10T01:00:00Z;Elements={"acts":["perekrutan","pengiriman"],"means":["penipuan"],"purposes":["kerja_paksa"],"harms":[],"exploitation_occurred":false,"victim_consented":null,"victim_committed_coerced_offence":null};IntakeChannel=walk_in;IsChildSexualViolence=False;IsSexualViolence=False;Kind=case;OffenceDate=2025-11-20;OwnerAgency=uptd_ppa_ttu;PartitionKey=case-ttu-001;Places={"origin_kecamatan":"53.03.01","transit":[],"destination_country":"MY","destination_province":null};Region=53.03;ReportedAt=03/02/2026 02:30:00 +00:00;ReportedAtText=2026-03-02T02:30:00Z;ReportedOn=2026-03-02;RowKey=case;SchemaVersion=1;SimfoniForms=[];SuspectIds=suspect-1;Suspects=1;TraffickingStatus=actual_victim;VictimConsents=[{"id":"victim-1","person":{"for_services":true,"for_reporting":true,"for_sharing":true,"given_by":"parent_or_guardian","recorded_at":"2026-03-10T01:00:00Z","recorded_by_user":null,"recorded_by_agency":null,"reporting_withdrawn":false,"sharing_withdrawn":false}},{"id":"victim-2","person":{"for_services":true,"for_reporting":true,"for_sharing":true,"given_by":"parent_or_guardian","recorded_at":"2026-03-10T01:00:00Z","recorded_by_user":null,"recorded_by_agency":null,"reporting_withdrawn":false,"sharing_withdrawn":false}}];VictimIds=victim-1,victim-2;Victims=2;Witnesses=1
        """;

    [Fact]
    public void Serialize_WritesTheFormatOfBeforeTheChange_GivenAnIntake()
    {
        Assert.Equal(IntakeJson, JsonSerializer.Serialize(Intake(), TaskForceJson.Options));
    }

    [Fact]
    public void Read_GivesBackTheSameIntake_GivenItsOwnJson()
    {
        var read = InputJson.Read<CaseIntake>(Encoding.UTF8.GetBytes(IntakeJson));

        Assert.NotNull(read);
        Assert.Equal(IntakeJson, JsonSerializer.Serialize(read, TaskForceJson.Options));
        Assert.Equal("53.03", read.Region);
        Assert.Equal(new NewAgency("uptd_ppa", "UPTD PPA Kabupaten TTU"), read.ReportingAgency);
    }

    [Fact]
    public async Task RoundTrip_KeepsTheHeaderAndEveryFormat_ThroughTableStorage()
    {
        var tables = await storage.NewTablesAsync();
        var repo = new TableCaseRepository(tables, Protector(), Zone);
        var intake = InputJson.Read<CaseIntake>(Encoding.UTF8.GetBytes(IntakeJson))!;
        var record = CreateCaseUseCase.Build(intake, Clock(), Zone);

        await repo.AddAsync(record, Owner, null);
        var stored = await repo.GetAsync(record.Id);
        var summary = await repo.GetSummaryAsync(record.Id);
        var rows = await RawRowsAsync(tables);

        Assert.NotNull(stored);
        Assert.NotNull(summary);
        Assert.Equal(CaseRow, Assert.Single(rows, r => r.StartsWith("case-ttu-001/case/", StringComparison.Ordinal)));
        Assert.Equal(JsonSerializer.Serialize<CaseHeader>(intake, TaskForceJson.Options), JsonSerializer.Serialize(stored.Record.ToHeader(), TaskForceJson.Options));
        Assert.Equal(DocumentJson, JsonSerializer.Serialize(CaseDocument.From(stored.Record, stored.OwnerAgency, showIdentity: false), TaskForceJson.Options));
        Assert.Equal(SummaryJson, JsonSerializer.Serialize(summary, TaskForceJson.Options));
        Assert.Equal(SummaryJson, JsonSerializer.Serialize(CaseSummary.From(record, Owner), TaskForceJson.Options));
    }

    [Fact]
    public void Serialize_WritesTheWireCode_GivenEveryCaseTypeAndIntakeChannel()
    {
        foreach (var type in Enum.GetValues<CaseType>())
        {
            Assert.Equal($"\"{type.ToCode()}\"", JsonSerializer.Serialize(type, TaskForceJson.Options));
        }

        foreach (var channel in Enum.GetValues<IntakeChannel>())
        {
            Assert.Equal($"\"{channel.ToCode()}\"", JsonSerializer.Serialize(channel, TaskForceJson.Options));
        }
    }
}
