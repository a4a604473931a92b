using System.Globalization;
using TaskForce.Application.Access;
using TaskForce.Application.Alerts;
using TaskForce.Application.Snapshots;
using TaskForce.Domain.Common;
using TaskForce.Hosting;
using TaskForce.Integration.Tests.Access;

namespace TaskForce.Integration.Tests.Languages;

/// <summary>Texts of the application and hosting in both languages (ADR-025, ADR-030): the language of the current UI
/// culture chooses, codes and setting names stay the same; a stored warning's code renders in either language.</summary>
public sealed class ApplicationTextLanguageTests
{
    [Fact]
    public void Validate_NamesTheSettingAndItsEnvironmentVariableInEachLanguage_GivenABadQueueName()
    {
        var options = new AlertDeliveryOptions { QueueName = "Alerts_Q" };

        string id = In(Texts.Indonesian, () => Assert.Single(new AlertDeliveryOptionsValidator().Validate(null, options).Failures!));
        string en = In(Texts.English, () => Assert.Single(new AlertDeliveryOptionsValidator().Validate(null, options).Failures!));

        Assert.StartsWith("Pengaturan TaskForce:Alerts:QueueName (variabel lingkungan TaskForce__Alerts__QueueName) harus 3 sampai 56", id, StringComparison.Ordinal);
        Assert.StartsWith("The setting TaskForce:Alerts:QueueName (environment variable TaskForce__Alerts__QueueName) must be 3 to 56", en, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NamesTheTimeZoneVariable_GivenAnUnknownZone()
    {
        var options = new TaskForceOptions { TimeZone = "Asia/Atlantis" };

        var failures = In(Texts.Indonesian, () => new TaskForceOptionsValidator().Validate(null, options).Failures!.ToList());

        Assert.Contains(failures, f => f.StartsWith("Pengaturan TaskForce:TimeZone (variabel lingkungan TaskForce__TimeZone) bukan zona dari basis data tz", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_GivesTheRefusalInEachLanguage_GivenAStatisticianCreatingACase()
    {
        var caller = CaseAccessPolicyTests.Caller("bps_ttu", "statistician");

        string id = In(Texts.Indonesian, () => CaseAccessPolicy.Decide(caller, CaseOperation.Create).Reason);
        string en = In(Texts.English, () => CaseAccessPolicy.Decide(caller, CaseOperation.Create).Reason);

        Assert.Equal("Peran pemanggil (statistician) tidak mengizinkan untuk membuat kasus.", id);
        Assert.Equal("The caller's roles (statistician) do not allow to create cases.", en);
    }

    [Fact]
    public void Render_GivesTheStoredWarningInEachLanguage_GivenItsCode()
    {
        Assert.StartsWith("Sebagian korban tidak memiliki NIK", SnapshotWarningTexts.Render("records_without_linkage_identity", Texts.Indonesian), StringComparison.Ordinal);
        Assert.StartsWith("Some victims have neither a NIK", SnapshotWarningTexts.Render("records_without_linkage_identity", Texts.English), StringComparison.Ordinal);
        Assert.Null(SnapshotWarningTexts.Render("no_such_warning", Texts.English));
    }

    [Fact]
    public void Label_GivesEachLanguage_GivenAKnownAndAnUnknownKind()
    {
        Assert.Equal("layanan diberikan / service delivered", AlertKinds.Label("service_due"));
        Assert.Equal("detention_release_by_law / detention_release_by_law", AlertKinds.Label("detention_release_by_law"));
    }

    private static T In<T>(CultureInfo language, Func<T> work)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = language;
            return work();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
