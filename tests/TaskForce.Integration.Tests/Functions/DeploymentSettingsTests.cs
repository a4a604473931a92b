using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using TaskForce.Functions.Http;
using TaskForce.Integration.Tests.Infrastructure;

namespace TaskForce.Integration.Tests.Functions;

/// <summary>Every app setting the worker reads is in <c>local.settings.example.json</c> (for Azurite) and in
/// <c>deploy/main.bicep</c>: the timer schedules and queue names named by <c>%…%</c> and the settings the code reads by name.</summary>
public sealed class DeploymentSettingsTests
{
    private static readonly string[] CodeSettings =
        ["TASKFORCE_STORAGE", "TaskForce:TimeZone", "TaskForce:IdentityKey", "TaskForce:FirstResponseHours:Tinggi", "TaskForce:FirstResponseHours:Sedang", "TaskForce:FirstResponseHours:Rendah", "TaskForce:SnapshotRegions", "TaskForce:Linkage:DistrictSecret", "TaskForce:IntentSweepMinutes",
         "TaskForce:Alerts:PublicBaseUrl", "TaskForce:Alerts:MaxAttempts", "TaskForce:Alerts:WebhookTimeoutSeconds", "TaskForce:Alerts:Smtp:Host", "TaskForce:Alerts:Smtp:Port",
         "TaskForce:Alerts:Smtp:Security", "TaskForce:Alerts:Smtp:From", "TaskForce:Alerts:Smtp:UserName", "TaskForce:Alerts:Smtp:Password"];

    public static TheoryData<string> Settings()
    {
        var timers = typeof(OpenApiFunctions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()?.Schedule)
            .Where(s => s is not null && s.StartsWith('%'))
            .Select(s => s!.Trim('%'));
        var queues = typeof(OpenApiFunctions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<QueueTriggerAttribute>()?.QueueName)
            .Where(s => s is not null && s.StartsWith('%'))
            .Select(s => s!.Trim('%'));
        return [.. timers.Concat(queues).Concat(CodeSettings).Distinct(StringComparer.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Setting_IsInTheLocalExampleAndTheBicep(string setting)
    {
        string name = setting.Replace(":", "__", StringComparison.Ordinal);
        using var example = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "TaskForce.Functions", "local.settings.example.json")));
        Assert.True(example.RootElement.GetProperty("Values").TryGetProperty(name, out _), $"{name} is missing from local.settings.example.json");
        string bicep = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "main.bicep"));
        Assert.Contains($"name: '{name}'", bicep, StringComparison.Ordinal);
    }

    [Fact]
    public void TimerSchedules_AreFound() => Assert.True(Settings().Count >= CodeSettings.Length + 2);
}
