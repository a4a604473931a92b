using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using TaskForce.Application.Estimation;
using TaskForce.Application.Ports;
using TaskForce.Application.Snapshots;
using TaskForce.Cli;
using TaskForce.Functions;
using TaskForce.Integration.Tests.Infrastructure;

namespace TaskForce.Integration.Tests.Estimation;

/// <summary>The record-linkage secret is read in one place (<see cref="LinkageSecret.Parse"/>) by the function app
/// (<c>TaskForce:Linkage:DistrictSecret</c>) and the tool (<c>TaskForce__Linkage__DistrictSecret</c>); a malformed value
/// stops them, naming the setting and never the value.</summary>
[Collection(StorageGroup.Name)]
public sealed class LinkageSecretTests(AzuriteFixture storage)
{
    // 32 bytes 0x00..0x1F, written out in base64 by hand (RFC 4648 alphabet).
    private const string ThirtyTwoBytes = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    public static TheoryData<string, string> Invalid() => new()
    {
        { "not base64 at all!", "not valid base64" },
        { "AAECAwQFBgcICQoLDA0ODw==", "decodes to 16 bytes" }, // 16 bytes: too short
        { "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg==", "decodes to 31 bytes" },
    };

    [Fact]
    public void Parse_ReadsTheBytes_GivenBase64Of32Bytes()
    {
        var secret = LinkageSecret.Parse("  " + ThirtyTwoBytes + "\n");

        Assert.True(secret.IsConfigured);
        Assert.Equal(Enumerable.Range(0, 32).Select(i => (byte)i), secret.KeyForComputation());
        Assert.Equal("LinkageSecret(configured)", secret.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_DrawsAFreshSecretPerComputation_GivenNoValue(string? value)
    {
        var secret = LinkageSecret.Parse(value);

        Assert.False(secret.IsConfigured);
        byte[] first = secret.KeyForComputation(), second = secret.KeyForComputation();
        Assert.Equal(32, first.Length);
        Assert.NotEqual(first, second);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Parse_ThrowsNamingTheSettingNotTheValue_GivenAMalformedValue(string value, string why)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => LinkageSecret.Parse(value));

        Assert.Contains("TaskForce:Linkage:DistrictSecret", ex.Message, StringComparison.Ordinal);
        Assert.Contains("TaskForce__Linkage__DistrictSecret", ex.Message, StringComparison.Ordinal);
        Assert.Contains(why, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task HostStart_StopsNamingTheSetting_GivenAMalformedSecret(string value, string why)
    {
        using var host = FunctionHost.Build(new Dictionary<string, string?>
        {
            ["TASKFORCE_STORAGE"] = storage.ConnectionString,
            ["TaskForce:Linkage:DistrictSecret"] = value,
        });

        var ex = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("TaskForce:Linkage:DistrictSecret", ex.Message, StringComparison.Ordinal);
        Assert.Contains(why, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTaskForce_RegistersTheConfiguredSecretAndTheStoredVictimLists_GivenAValidSecret()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TASKFORCE_STORAGE"] = storage.ConnectionString,
            ["TaskForce:Linkage:DistrictSecret"] = ThirtyTwoBytes,
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddTaskForceFunctions(config)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var secret = provider.GetRequiredService<LinkageSecret>();
        Assert.True(secret.IsConfigured);
        Assert.Equal(Enumerable.Range(0, 32).Select(i => (byte)i), secret.KeyForComputation());
        Assert.IsType<ReadModelCaseFactSource>(provider.GetRequiredService<IVictimListSource>());
        Assert.NotNull(provider.GetRequiredService<SnapshotUseCase>());
    }

    [Fact]
    public void AddTaskForce_DrawsPerComputation_GivenNoSecret()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["TASKFORCE_STORAGE"] = storage.ConnectionString }).Build();
        using var provider = new ServiceCollection().AddLogging().AddTaskForceFunctions(config).BuildServiceProvider();

        Assert.Same(LinkageSecret.PerComputation, provider.GetRequiredService<LinkageSecret>());
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task SnapshotCommand_FailsNamingTheVariable_GivenAMalformedSecret(string value, string why)
    {
        var tables = await storage.NewTablesAsync();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        int code = await CliApp.RunAsync(["snapshot", "--region", "53.03", "--period", "2025", "--json"], stdout, stderr, () => tables, CancellationToken.None,
            new FakeClock(Instant.FromUtc(2026, 1, 5, 0, 0)), environment: name => name == "TaskForce__Linkage__DistrictSecret" ? value : null);

        Assert.Equal(1, code);
        string detail = JsonDocument.Parse(stdout.ToString()).RootElement.GetProperty("error").GetProperty("detail").GetString()!;
        Assert.Contains("TaskForce__Linkage__DistrictSecret", detail, StringComparison.Ordinal);
        Assert.Contains(why, detail, StringComparison.Ordinal);
        Assert.DoesNotContain(value, stdout.ToString() + stderr.ToString(), StringComparison.Ordinal);
        Assert.Empty(await new TaskForce.Storage.TableSnapshotRepository(tables).ListAsync("53.03", "2025")); // nothing stored
    }

    [Fact]
    public async Task SnapshotCommand_DoesNotWarnOfTheSecret_GivenNoSecretAndNoCaseRecords()
    {
        var tables = await storage.NewTablesAsync();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        int code = await CliApp.RunAsync(["snapshot", "--region", "53.03", "--period", "2025", "--json"], stdout, stderr, () => tables, CancellationToken.None,
            new FakeClock(Instant.FromUtc(2026, 1, 5, 0, 0)), environment: _ => null);

        Assert.Equal(0, code);
        Assert.DoesNotContain("TaskForce__Linkage__DistrictSecret", stderr.ToString(), StringComparison.Ordinal); // nothing was keyed (issue 15)
        var hidden = JsonDocument.Parse(stdout.ToString()).RootElement.GetProperty("hidden_victims");
        Assert.Equal("fewer_than_two_lists", hidden.GetProperty("reason").GetString()); // no cases stored
    }
}
