using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Application.Ports;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Common;
using TaskForce.Domain.Workflows;
using TaskForce.Functions;
using TaskForce.Functions.Http;
using TaskForce.Functions.Timers;
using TaskForce.Integration.Tests.Infrastructure;

namespace TaskForce.Integration.Tests.Functions;

/// <summary>The function app's registrations for issue 4 resolve (as the host does, validating on build) and read
/// their settings.</summary>
[Collection(StorageGroup.Name)]
public sealed class WorkflowServiceRegistrationTests(AzuriteFixture storage)
{
    [Fact]
    public void AddTaskForce_ResolvesTheDetentionAndDeadlineFunctions_GivenTheExampleSettings()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TASKFORCE_STORAGE"] = storage.ConnectionString,
            ["TaskForce:TimeZone"] = "Asia/Makassar",
            ["TaskForce:FirstResponseHours:Sedang"] = "4",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddTaskForceFunctions(config);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.NotNull(ActivatorUtilities.CreateInstance<DetentionCheckFunctions>(provider));
        Assert.NotNull(ActivatorUtilities.CreateInstance<DeadlineAlertTimerFunctions>(provider));
        Assert.NotNull(provider.GetRequiredService<IWorkflowRepository>());

        // Sedang intake at 08:00 WITA with the configured 4 hours: first response due at 12:00 WITA (04:00Z).
        var clock = new FakeClock(Instant.FromUtc(2026, 1, 8, 0, 0));
        var session = provider.GetRequiredService<WorkflowRegistry>().Find("case_management").Start(
            "case-1", new WorkflowStartFacts { RiskLevel = RiskLevel.Sedang }, TestCaseFacts.Plain, Actor.Create("staff-1", "uptd_ppa_ttu"), clock, DistrictTime.DefaultZone, null, null);
        Assert.Equal(Instant.FromUtc(2026, 1, 8, 4, 0), session.Deadlines(clock).Single().DueAt);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("8761")]
    [InlineData("six")]
    public async Task HostStart_ThrowsNamingTheSetting_GivenABadHourValue(string value)
    {
        using var host = FunctionHost.Build(new Dictionary<string, string?>
        {
            ["TASKFORCE_STORAGE"] = storage.ConnectionString,
            ["TaskForce:FirstResponseHours:Rendah"] = value,
        });

        var ex = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("TaskForce:FirstResponseHours:Rendah", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain($"'{value}'", ex.Message, StringComparison.Ordinal);
    }
}
