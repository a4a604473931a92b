namespace TaskForce.Integration.Tests.Report;

/// <summary>A test that needs headless Chromium from the distribution's packages (<c>apt-get install chromium</c>;
/// ADR-026). Without it the test is skipped with the reason, except in CI (<c>CI=true</c>), where it runs and fails:
/// CI installs chromium (.ci/run), so its absence there is a defect, never a silent pass.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Initialises the attribute, skipping the test outside CI when no chromium is installed.</summary>
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null && !Chromium.InCi)
        {
            Skip = "chromium is not installed (apt-get install -y chromium); the report's browser test needs it. In CI (CI=true) this test fails instead.";
        }
    }
}

/// <summary>Where the distribution's Chromium is.</summary>
public static class Chromium
{
    /// <summary>Gets the path of the chromium executable, or <see langword="null"/> when none is installed.</summary>
    public static string? Path { get; } =
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium" }.FirstOrDefault(File.Exists);

    /// <summary>Gets a value indicating whether the tests run in CI (<c>CI=true</c>).</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
