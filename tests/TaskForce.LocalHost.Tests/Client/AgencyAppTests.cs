using System.Diagnostics;
using System.IO.Compression;

namespace TaskForce.LocalHost.Tests.Client;

/// <summary>samples/AgencyApp built against the PACKED TaskForce.Client from a local folder feed (not the project) and
/// run against the local host: it opens a case, reads it, refers it and lists it.</summary>
[Collection(LocalHostGroup.Name)]
public sealed class AgencyAppTests(LocalHostFixture host)
{
    [Fact]
    public async Task AgencyApp_OpensReadsRefersAndListsACase_GivenThePackedClientFromALocalFeed()
    {
        string root = ClientDocumentTests.RepoRoot();
        string version = "0.1.0-test";
        string work = Path.Combine(Path.GetTempPath(), "taskforce-client-pkg-" + Guid.NewGuid().ToString("N"));
        string feed = Path.Combine(work, "feed");
        string app = Path.Combine(work, "AgencyApp");
        Directory.CreateDirectory(app);

        var pack = await RunAsync(root, "pack", Path.Combine("src", "TaskForce.Client", "TaskForce.Client.csproj"), "-c", "Release", "-o", feed, $"-p:Version={version}");
        Assert.True(pack.Code == 0, pack.Output);
        string nupkg = Path.Combine(feed, $"TaskForce.Client.{version}.nupkg");
        Assert.True(File.Exists(Path.Combine(feed, $"TaskForce.Client.{version}.snupkg")), pack.Output);
        using (var zip = ZipFile.OpenRead(nupkg))
        {
            var names = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("README.md", names);
            Assert.Contains("lib/net10.0/TaskForce.Client.dll", names);
            Assert.Contains("lib/net10.0/TaskForce.Client.xml", names);
        }

        foreach (var file in Directory.GetFiles(Path.Combine(root, "samples", "AgencyApp")))
        {
            File.Copy(file, Path.Combine(app, Path.GetFileName(file)));
        }

        // The feed holds the client; its dependencies (Azure.Core) come from this machine's package cache (restored by
        // the build) or the user's configured sources; a fresh packages folder keeps a stale 0.1.0-test out.
        string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        await File.WriteAllTextAsync(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{Path.Combine(work, "packages")}" /></config>
              <packageSources><add key="taskforce-local" value="{feed}" /><add key="machine-cache" value="{cache}" /></packageSources>
            </configuration>
            """);

        var run = await RunAsync(app, "run", $"-p:TaskForceClientVersion={version}", "--", host.BaseAddress.ToString(), LocalHostFixture.Key, "worker-1");

        Assert.True(run.Code == 0, run.Output);
        Assert.Matches(@"(?m)^opened \S+$", run.Stdout);
        Assert.Matches(@"(?m)^read \S+ region 53\.03 etag \S+", run.Stdout);
        string id = System.Text.RegularExpressions.Regex.Match(run.Stdout, @"(?m)^opened (\S+)$").Groups[1].Value;
        Assert.Contains($"referred {id} to rsud_kefamenanu: referral in_progress", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("the new one among them", run.Stdout, StringComparison.Ordinal);
        Directory.Delete(work, recursive: true);
    }

    private static async Task<(int Code, string Output, string Stdout)> RunAsync(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout + await stderr, await stdout);
    }
}
