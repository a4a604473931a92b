using Microsoft.Extensions.Options;
using NodaTime;
using TaskForce.Application.Estimation;
using TaskForce.Application.Snapshots;
using TaskForce.Application.Subjects;
using TaskForce.Domain.Common;
using TaskForce.Hosting.Resources;
using TaskForce.Storage;

namespace TaskForce.Hosting;

/// <summary>
/// What data annotations cannot say about <see cref="TaskForceOptions"/>, checked with the parsers the services use
/// (so a value that passes here is one they accept): the zone exists in the tz database, the first-response hours are
/// whole numbers in [0, 8760], the identity keys are base64 of 32 bytes (<see cref="IdentityProtector.FromSettings"/>),
/// the linkage secret is base64 of at least 32 bytes (<see cref="LinkageSecret.Parse"/>), and the snapshot regions are
/// <c>*</c> or Kemendagri codes (<see cref="SnapshotTimerOptions.Parse"/>). Every message names the setting and its
/// environment-variable form, never the value.
/// </summary>
public sealed class TaskForceOptionsValidator : IValidateOptions<TaskForceOptions>
{
    /// <summary>Validates the options.</summary>
    /// <param name="name">The options name (TaskForce uses the default, unnamed options).</param>
    /// <param name="options">The bound options.</param>
    /// <returns><see cref="ValidateOptionsResult.Success"/>, or a failure with one message per bad setting.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public ValidateOptionsResult Validate(string? name, TaskForceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.TimeZone) && DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.TimeZone.Trim()) is null)
        {
            failures.Add(Setting(HostingText.SetupTimeZone, TaskForceOptions.TimeZoneKey));
        }

        try
        {
            options.FirstResponseHours.ToFirstResponseOptions();
        }
        catch (InvalidOperationException ex)
        {
            failures.Add(ex.Message);
        }

        try
        {
            IdentityProtector.FromSettings(options.IdentityKey, options.IdentityPreviousKeys);
        }
        catch (ArgumentException)
        {
            // The protector's own message may quote a key id; name the settings only.
            failures.Add(Texts.Format(HostingText.SetupIdentityKey, IdentityProtectionOptions.KeySetting, TaskForceOptions.EnvironmentVariableOf(IdentityProtectionOptions.KeySetting), IdentityProtectionOptions.PreviousKeysSetting, TaskForceOptions.EnvironmentVariableOf(IdentityProtectionOptions.PreviousKeysSetting)));
        }

        try
        {
            LinkageSecret.Parse(options.Linkage.DistrictSecret);
        }
        catch (InvalidOperationException ex)
        {
            failures.Add(ex.Message); // names the setting and its environment variable, not the value
        }

        try
        {
            options.IntentSweepAge();
        }
        catch (InvalidOperationException ex)
        {
            failures.Add(ex.Message); // names the setting and its environment variable, not the value
        }

        if (!RegionsValid(options.SnapshotRegions))
        {
            failures.Add(Setting(HostingText.SetupSnapshotRegions, TaskForceOptions.SnapshotRegionsKey));
        }

        try
        {
            ErasureRetentionOptions.Parse(options.Erasure.RetainUnderCriminalProceedings);
        }
        catch (DomainValidationException)
        {
            failures.Add(Setting(HostingText.SetupRetainUnderProceedings, ErasureSettings.RetainUnderCriminalProceedingsKey));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Fills a setup message with the setting's configuration key and its environment variable.</summary>
    /// <param name="template">The message (<c>HostingText</c>), with <c>{0}</c> the key and <c>{1}</c> the variable.</param>
    /// <param name="key">The configuration key, e.g. <c>TaskForce:TimeZone</c>.</param>
    /// <returns>The message in the current language.</returns>
    internal static string Setting(string template, string key) =>
        Texts.Format(template, key, TaskForceOptions.EnvironmentVariableOf(key));

    private static bool RegionsValid(string? value)
    {
        try
        {
            return SnapshotTimerOptions.Parse(value).Regions.All(r => r.IsAll || KemendagriRegions.Exists(r));
        }
        catch (DomainValidationException)
        {
            return false;
        }
    }
}
