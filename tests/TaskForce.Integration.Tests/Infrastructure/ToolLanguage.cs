using System.Runtime.CompilerServices;

namespace TaskForce.Integration.Tests.Infrastructure;

/// <summary>The tool's tests read English unless a test chooses a language (ADR-025, ADR-027): the tool's default is
/// Bahasa Indonesia, so this sets <c>TASKFORCE_LANG=en</c> for the test process before any test runs; a test of the
/// Indonesian texts passes <c>--lang id</c>.</summary>
internal static class ToolLanguage
{
    [ModuleInitializer]
    internal static void UseEnglish() => Environment.SetEnvironmentVariable("TASKFORCE_LANG", "en");
}
