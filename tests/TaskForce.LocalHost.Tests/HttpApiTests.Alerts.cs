using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using TaskForce.Application.Ports;

namespace TaskForce.LocalHost.Tests;

/// <summary>The alert inbox over real HTTP (ADR-021): only the agency an alert is addressed to and the coordinator see
/// or acknowledge it; every body checked against the served OpenAPI document.</summary>
public sealed partial class HttpApiTests
{
    [Fact]
    public async Task GetAlerts_ShowsTheAlertToItsAgencyAndTheCoordinatorOnly_AndAcknowledgesOnce()
    {
        // A day of its own (no other test writes alerts there): 5 January 2031, an overdue service of one case.
        var date = new LocalDate(2031, 1, 5);
        string caseId = NewId();
        var alert = new DeadlineAlert(date, caseId, "service", "svc-1", "service_due", new LocalDate(2031, 1, 3), null, DeadlineAlertStatus.Overdue, 2, 1, true,
            Instant.FromUtc(2031, 1, 5, 0, 0)) { Agency = "uptd_ppa_ttu" };
        await host.Services.GetRequiredService<IAlertRepository>().AddNewAsync(date, [alert]);
        using var worker = host.Client("worker-1");
        using var other = host.Client("worker-9");
        using var statistician = host.Client("stat-1");
        using var coordinator = host.Client("coord-1");

        var mine = await ExpectAsync(await SendAsync(worker, HttpMethod.Get, "alerts?date=2031-01-05"), HttpStatusCode.OK, "get", "/alerts");
        var item = Assert.Single(mine.GetProperty("items").EnumerateArray());
        Assert.Equal("2031-01-05", mine.GetProperty("business_date").GetString());
        Assert.Equal(alert.Id, item.GetProperty("alert_id").GetString());
        Assert.Equal(caseId, item.GetProperty("case_id").GetString());
        Assert.Equal("overdue", item.GetProperty("status").GetString());
        Assert.Equal("2031-01-03", item.GetProperty("due_on").GetString());
        Assert.Equal(2, item.GetProperty("days_overdue").GetInt32());
        Assert.Equal(JsonValueKindNull, item.GetProperty("acknowledged_at").ValueKind);

        var dueToday = await ExpectAsync(await SendAsync(worker, HttpMethod.Get, "alerts?date=2031-01-05&status=due_today"), HttpStatusCode.OK, "get", "/alerts");
        Assert.Empty(dueToday.GetProperty("items").EnumerateArray());
        var theirs = await ExpectAsync(await SendAsync(other, HttpMethod.Get, "alerts?date=2031-01-05"), HttpStatusCode.OK, "get", "/alerts");
        Assert.Empty(theirs.GetProperty("items").EnumerateArray());
        await ExpectAsync(await SendAsync(other, HttpMethod.Get, "alerts?date=2031-01-05&agency=uptd_ppa_ttu"), HttpStatusCode.Forbidden, "get", "/alerts");
        await ExpectAsync(await SendAsync(statistician, HttpMethod.Get, "alerts?date=2031-01-05"), HttpStatusCode.Forbidden, "get", "/alerts");
        await ExpectAsync(await SendAsync(other, HttpMethod.Post, $"alerts/{alert.Id}/acknowledgement"), HttpStatusCode.Forbidden, "post", "/alerts/{id}/acknowledgement");
        var bad = await ExpectAsync(await SendAsync(worker, HttpMethod.Get, "alerts?assignee=worker-2"), HttpStatusCode.BadRequest, "get", "/alerts");
        Assert.True(bad.GetProperty("errors").TryGetProperty("assignee", out _));
        await ExpectAsync(await SendAsync(worker, HttpMethod.Get, "alerts?status=late"), HttpStatusCode.BadRequest, "get", "/alerts");
        await ExpectAsync(await SendAsync(worker, HttpMethod.Post, "alerts/20310105-0000000000000000/acknowledgement"), HttpStatusCode.NotFound, "post", "/alerts/{id}/acknowledgement");

        var all = await ExpectAsync(await SendAsync(coordinator, HttpMethod.Get, "alerts?date=2031-01-05"), HttpStatusCode.OK, "get", "/alerts");
        Assert.Contains(all.GetProperty("items").EnumerateArray(), a => a.GetProperty("alert_id").GetString() == alert.Id);

        var acknowledged = await ExpectAsync(await SendAsync(worker, HttpMethod.Post, $"alerts/{alert.Id}/acknowledgement"), HttpStatusCode.OK, "post", "/alerts/{id}/acknowledgement");
        var again = await ExpectAsync(await SendAsync(coordinator, HttpMethod.Post, $"alerts/{alert.Id}/acknowledgement"), HttpStatusCode.OK, "post", "/alerts/{id}/acknowledgement");
        Assert.Equal("worker-1", acknowledged.GetProperty("acknowledged_by").GetString());
        Assert.Equal(acknowledged.GetProperty("acknowledged_at").GetString(), again.GetProperty("acknowledged_at").GetString());
        Assert.Equal("worker-1", again.GetProperty("acknowledged_by").GetString());
        var open = await ExpectAsync(await SendAsync(worker, HttpMethod.Get, "alerts?date=2031-01-05&status=unacknowledged"), HttpStatusCode.OK, "get", "/alerts");
        Assert.Empty(open.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task GetAlerts_AssigneeMe_ListsTheAlertsOfTheCallersCasesOnly()
    {
        // A day of its own: 6 January 2031, two overdue services of the UPTD PPA, one case assigned to worker-1 (the
        // daily run records the case's assignee on the alert; ADR-020, ADR-021), the other unassigned.
        var date = new LocalDate(2031, 1, 6);
        DeadlineAlert Alert(string caseId, string? assignee) =>
            new(date, caseId, "service", "svc-1", "service_due", new LocalDate(2031, 1, 4), null, DeadlineAlertStatus.Overdue, 2, 1, true, Instant.FromUtc(2031, 1, 6, 0, 0))
            { Agency = "uptd_ppa_ttu", Assignee = assignee };
        var assigned = Alert(NewId(), "worker-1");
        var unassigned = Alert(NewId(), null);
        await host.Services.GetRequiredService<IAlertRepository>().AddNewAsync(date, [assigned, unassigned]);
        using var worker = host.Client("worker-1");
        using var colleague = host.Client("worker-2");
        using var coordinator = host.Client("coord-1");

        var mine = await ExpectAsync(await SendAsync(worker, HttpMethod.Get, "alerts?date=2031-01-06&assignee=me"), HttpStatusCode.OK, "get", "/alerts");
        var theirs = await ExpectAsync(await SendAsync(colleague, HttpMethod.Get, "alerts?date=2031-01-06&assignee=me"), HttpStatusCode.OK, "get", "/alerts");
        var agency = await ExpectAsync(await SendAsync(colleague, HttpMethod.Get, "alerts?date=2031-01-06"), HttpStatusCode.OK, "get", "/alerts");
        var named = await ExpectAsync(await SendAsync(coordinator, HttpMethod.Get, "alerts?date=2031-01-06&assignee=worker-1"), HttpStatusCode.OK, "get", "/alerts");
        var refused = await ExpectAsync(await SendAsync(colleague, HttpMethod.Get, "alerts?date=2031-01-06&assignee=worker-1"), HttpStatusCode.BadRequest, "get", "/alerts");

        var item = Assert.Single(mine.GetProperty("items").EnumerateArray());
        Assert.Equal(assigned.Id, item.GetProperty("alert_id").GetString());
        Assert.Equal("worker-1", item.GetProperty("assignee").GetString());
        Assert.Empty(theirs.GetProperty("items").EnumerateArray());
        Assert.Equal(
            new[] { assigned.Id, unassigned.Id }.Order(StringComparer.Ordinal),
            agency.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("alert_id").GetString()).Order(StringComparer.Ordinal));
        Assert.Contains(agency.GetProperty("items").EnumerateArray(), a => a.GetProperty("alert_id").GetString() == unassigned.Id && a.GetProperty("assignee").ValueKind == JsonValueKindNull);
        Assert.Equal(assigned.Id, Assert.Single(named.GetProperty("items").EnumerateArray()).GetProperty("alert_id").GetString());
        Assert.True(refused.GetProperty("errors").TryGetProperty("assignee", out _));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
