using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TaskForce.Application.Ports;
using TaskForce.Functions;
using TaskForce.Functions.Http;
using TaskForce.Integration.Tests.Infrastructure;
using TaskForce.Storage;

namespace TaskForce.Integration.Tests.Cases;

/// <summary>The function app's registrations for issue 3 resolve as the host builds them, and read their settings.</summary>
[Collection(StorageGroup.Name)]
public sealed class CaseServiceRegistrationTests(AzuriteFixture storage)
{
    private ServiceProvider Provider(Dictionary<string, string?> extra)
    {
        var settings = new Dictionary<string, string?> { ["TASKFORCE_STORAGE"] = storage.ConnectionString };
        foreach (var (k, v) in extra)
        {
            settings[k] = v;
        }

        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddTaskForceFunctions(config).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void AddTaskForce_ResolvesTheCaseFunctions_WithTheKeyAndAuthenticationSettings()
    {
        using var provider = Provider(new() { ["TaskForce:IdentityKey"] = CaseTestData.NewKey(), ["WEBSITE_AUTH_ENABLED"] = "True" });

        Assert.NotNull(ActivatorUtilities.CreateInstance<CaseFunctions>(provider));
        Assert.NotNull(ActivatorUtilities.CreateInstance<CaseWorkflowFunctions>(provider));
        Assert.Same(provider.GetRequiredService<TableCaseRepository>(), provider.GetRequiredService<ICaseFactsReader>()); // facts come from the case storage
        Assert.IsType<TaskForce.Application.Snapshots.FactMaintainingCaseRepository>(provider.GetRequiredService<ICaseRepository>()); // writes keep the read model current (ADR-012)
        Assert.NotNull(provider.GetRequiredService<IdentityProtector>().CurrentKeyId);
        Assert.True(provider.GetRequiredService<ClientPrincipalReader>().Trusted);
    }

    [Fact]
    public void AddTaskForce_StartsWithoutAKeyOrAuthentication_AndFailsClosedOnUse()
    {
        using var provider = Provider([]);

        Assert.Null(provider.GetRequiredService<IdentityProtector>().CurrentKeyId);
        Assert.False(provider.GetRequiredService<ClientPrincipalReader>().Trusted);
    }

    [Theory]
    [InlineData("not-base64!")]
    [InlineData("c2hvcnQ=")] // 5 bytes
    public void AddTaskForce_RefusesAMalformedKeyNamingTheSetting_GivenAMalformedKey(string key)
    {
        using var provider = Provider(new() { ["TaskForce:IdentityKey"] = key });

        var ex = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<IdentityProtector>());
        Assert.Contains("TaskForce:IdentityKey", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, ex.Message, StringComparison.Ordinal);
    }
}
