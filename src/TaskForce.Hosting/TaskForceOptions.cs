using System.ComponentModel.DataAnnotations;
using System.Globalization;
using TaskForce.Domain.Workflows;
using TaskForce.Domain.Common;
using TaskForce.Hosting.Resources;

namespace TaskForce.Hosting;

/// <summary>
/// TaskForce's settings, bound from the configuration section <c>TaskForce</c> (app settings <c>TaskForce:*</c> in the
/// function app, environment variables <c>TaskForce__*</c> for the tool) and validated when the host starts
/// (<see cref="TaskForceOptionsValidator"/>). Values the binder could fail to convert are kept as text, so every
/// message names the setting and never echoes its value.
/// </summary>
public sealed class TaskForceOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "TaskForce";

    /// <summary>The configuration key of <see cref="TimeZone"/>.</summary>
    public const string TimeZoneKey = "TaskForce:TimeZone";

    /// <summary>The configuration key prefix of <see cref="FirstResponseHours"/> (<c>:Tinggi</c>, <c>:Sedang</c>, <c>:Rendah</c>).</summary>
    public const string FirstResponseHoursKey = "TaskForce:FirstResponseHours";

    /// <summary>The configuration key of <see cref="SnapshotRegions"/>.</summary>
    public const string SnapshotRegionsKey = "TaskForce:SnapshotRegions";

    /// <summary>The configuration key of <see cref="IntentSweepMinutes"/>.</summary>
    public const string IntentSweepMinutesKey = "TaskForce:IntentSweepMinutes";

    /// <summary>Gets every configuration key of the options, e.g. for a configuration source that must ask for names
    /// one by one (the tool's test seam) or for documentation.</summary>
    /// <value><c>TaskForce:TimeZone</c>, the three first-response hours, the identity keys, the linkage secret and
    /// the snapshot regions and the intent sweep's age.</value>
    public static IReadOnlyList<string> Keys { get; } =
    [
        TimeZoneKey,
        FirstResponseHoursKey + ":Tinggi",
        FirstResponseHoursKey + ":Sedang",
        FirstResponseHoursKey + ":Rendah",
        "TaskForce:IdentityKey",
        "TaskForce:IdentityPreviousKeys",
        "TaskForce:Linkage:DistrictSecret",
        SnapshotRegionsKey,
        IntentSweepMinutesKey,
        ErasureSettings.RetainUnderCriminalProceedingsKey,
    ];

    /// <summary>Gets or sets the district time zone, a tz database id.</summary>
    /// <value>Default <see cref="DistrictTime.DefaultZoneId"/> (<c>Asia/Makassar</c>, WITA, UTC+8).</value>
    [Required(AllowEmptyStrings = false, ErrorMessage = "The setting " + TimeZoneKey + " (environment variable TaskForce__TimeZone) is empty; set it to a tz database zone id such as Asia/Makassar, or remove it for the default.")]
    public string TimeZone { get; set; } = DistrictTime.DefaultZoneId;

    /// <summary>Gets or sets the first-response hours per risk level of case management.</summary>
    /// <value>Unset levels keep their defaults (0, 6 and 24 hours).</value>
    public FirstResponseHoursSettings FirstResponseHours { get; set; } = new();

    /// <summary>Gets or sets the identity encryption key (<c>TaskForce:IdentityKey</c>): base64 of 32 bytes.</summary>
    /// <value><see langword="null"/> when not set: identity fields then fail closed (ADR-004).</value>
    public string? IdentityKey { get; set; }

    /// <summary>Gets or sets earlier identity keys still accepted for reading (<c>TaskForce:IdentityPreviousKeys</c>,
    /// comma-separated, each base64 of 32 bytes).</summary>
    /// <value><see langword="null"/> when none.</value>
    public string? IdentityPreviousKeys { get; set; }

    /// <summary>Gets or sets the record-linkage settings (<c>TaskForce:Linkage:*</c>).</summary>
    /// <value>The district secret, or none.</value>
    public LinkageSettings Linkage { get; set; } = new();

    /// <summary>Gets or sets the regions of the scheduled snapshots (<c>TaskForce:SnapshotRegions</c>, comma-separated
    /// Kemendagri codes or <c>*</c>).</summary>
    /// <value><see langword="null"/> for all records (<c>*</c>).</value>
    public string? SnapshotRegions { get; set; }

    /// <summary>Gets or sets how old, in whole minutes, a write intent of the counting read model must be for the daily
    /// sweep to project its case again and remove it (<c>TaskForce:IntentSweepMinutes</c>, ADR-012); see
    /// <see cref="IntentSweepAge"/>.</summary>
    /// <value>A whole number in [10, 10080] as text, or <see langword="null"/> for the default 60.</value>
    public string? IntentSweepMinutes { get; set; }

    /// <summary>Parses <see cref="IntentSweepMinutes"/>.</summary>
    /// <returns>The age: 60 minutes when not set.</returns>
    /// <exception cref="InvalidOperationException">The setting is not a whole number of minutes in [10, 10080] (10 = the
    /// function app's functionTimeout, 10080 = one week); the message names the setting, not the value.</exception>
    public NodaTime.Duration IntentSweepAge()
    {
        if (string.IsNullOrWhiteSpace(IntentSweepMinutes))
        {
            return TaskForce.Application.Snapshots.SweepStaleIntentsUseCase.DefaultAge;
        }

        if (int.TryParse(IntentSweepMinutes.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int minutes) && minutes is >= 10 and <= 10080)
        {
            return NodaTime.Duration.FromMinutes(minutes);
        }

        throw new InvalidOperationException(Texts.Format(HostingText.TaskForceOptionsSettingEnvironmentVariableMust, IntentSweepMinutesKey, EnvironmentVariableOf(IntentSweepMinutesKey)));
    }
    /// <summary>Gets or sets the retention rules that override erasure at the request of the person recorded
    /// (<c>TaskForce:Erasure:*</c>, ADR-019).</summary>
    /// <value>By default erasure is refused while a case is under criminal proceedings.</value>
    public ErasureSettings Erasure { get; set; } = new();

    /// <summary>Gets the environment variable form of a configuration key (<c>:</c> becomes <c>__</c>), as the tool
    /// and Linux app settings spell it.</summary>
    /// <param name="key">A key such as <c>TaskForce:TimeZone</c>.</param>
    /// <returns>For example <c>TaskForce__TimeZone</c>.</returns>
    public static string EnvironmentVariableOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Replace(":", "__", StringComparison.Ordinal);
    }
}

/// <summary>The first-response hours per risk level (<c>TaskForce:FirstResponseHours:Tinggi|Sedang|Rendah</c>), as
/// configured text; see <see cref="ToFirstResponseOptions"/>.</summary>
public sealed class FirstResponseHoursSettings
{
    /// <summary>The largest accepted value: one year of hours.</summary>
    public const int MaximumHours = 8760;

    /// <summary>Gets or sets the hours for risk level Tinggi.</summary>
    /// <value>A whole number in [0, 8760], or <see langword="null"/> for the default 0.</value>
    public string? Tinggi { get; set; }

    /// <summary>Gets or sets the hours for risk level Sedang.</summary>
    /// <value>A whole number in [0, 8760], or <see langword="null"/> for the default 6.</value>
    public string? Sedang { get; set; }

    /// <summary>Gets or sets the hours for risk level Rendah.</summary>
    /// <value>A whole number in [0, 8760], or <see langword="null"/> for the default 24.</value>
    public string? Rendah { get; set; }

    /// <summary>Parses the configured hours, with <see cref="FirstResponseOptions.Default"/> for unset levels.</summary>
    /// <returns>The first-response options of the workflow registry.</returns>
    /// <exception cref="InvalidOperationException">A value is not a whole number of hours in [0, 8760]; the message
    /// names the setting, not the value.</exception>
    public FirstResponseOptions ToFirstResponseOptions()
    {
        var defaults = FirstResponseOptions.Default;
        return new FirstResponseOptions(
            Hours(Tinggi, "Tinggi", defaults.TinggiHours),
            Hours(Sedang, "Sedang", defaults.SedangHours),
            Hours(Rendah, "Rendah", defaults.RendahHours));
    }

    private static int Hours(string? text, string level, int fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        string key = $"{TaskForceOptions.FirstResponseHoursKey}:{level}";
        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int hours) && hours <= MaximumHours
            ? hours
            : throw new InvalidOperationException(
                Texts.Format(HostingText.TaskForceOptionsSettingEnvironmentVariableMust2, key, TaskForceOptions.EnvironmentVariableOf(key), MaximumHours));
    }
}

/// <summary>The record-linkage settings (<c>TaskForce:Linkage:*</c>).</summary>
public sealed class LinkageSettings
{
    /// <summary>Gets or sets the district secret of the NIK hashes (<c>TaskForce:Linkage:DistrictSecret</c>).</summary>
    /// <value>Base64 of at least 32 bytes, or <see langword="null"/> for a random secret per computation.</value>
    public string? DistrictSecret { get; set; }
}

/// <summary>The retention rules that override erasure (<c>TaskForce:Erasure:*</c>; UU 27/2022 Pasal 15(1), ADR-019).</summary>
public sealed class ErasureSettings
{
    /// <summary>The configuration key of <see cref="RetainUnderCriminalProceedings"/>.</summary>
    public const string RetainUnderCriminalProceedingsKey = "TaskForce:Erasure:RetainUnderCriminalProceedings";

    /// <summary>Gets or sets whether erasure is refused while a case holding the person has an SPDP recorded (kept as
    /// text so a malformed value is reported by name).</summary>
    /// <value><c>true</c> (the default when unset) or <c>false</c>.</value>
    public string? RetainUnderCriminalProceedings { get; set; }
}
