using System.Diagnostics;
using System.IO.Compression;
using TaskForce.Integration.Tests.Infrastructure;

namespace TaskForce.Integration.Tests.Packaging;

/// <summary>The TaskForce.Domain NuGet package: packed with README, XML docs and symbols, restored from a local
/// folder feed by a consumer project that runs every C# example of README.md and the package README (issue 18
/// part 5) and prints what they state.</summary>
public sealed class DomainPackageTests
{
    /// <summary>The Markdown files whose C# examples must compile and run against the packed package.</summary>
    internal static readonly string[] ReadmeFiles = ["README.md", Path.Combine("src", "TaskForce.Domain", "README.md")];

    [Fact]
    public void ReadmeExamples_AreFound_GivenThePackageReadme()
    {
        var examples = ReadmeFiles.SelectMany(f => ReadmeExample.Read(RepoPaths.Root, f)).ToList();

        Assert.True(examples.Count >= 6, $"{examples.Count} C# examples found");
        Assert.All(examples, e => Assert.DoesNotContain("...", e.Code, StringComparison.Ordinal)); // no elided code
    }

    [Fact]
    public async Task Package_RunsEveryReadmeExampleWithItsStatedOutput_GivenAConsumerOfTheLocalFeed()
    {
        string work = Path.Combine(Path.GetTempPath(), "taskforce-pkg-" + Guid.NewGuid().ToString("N"));
        string feed = Path.Combine(work, "feed");
        string consumer = Path.Combine(work, "consumer");
        Directory.CreateDirectory(consumer);

        var pack = await RunAsync("dotnet", RepoPaths.Root, "pack", Path.Combine("src", "TaskForce.Domain", "TaskForce.Domain.csproj"), "-c", "Release", "-o", feed, "-p:Version=0.1.0-test");
        Assert.True(pack.Code == 0, pack.Output);
        string nupkg = Path.Combine(feed, "TaskForce.Domain.0.1.0-test.nupkg");
        Assert.True(File.Exists(nupkg), pack.Output);
        Assert.True(File.Exists(Path.Combine(feed, "TaskForce.Domain.0.1.0-test.snupkg")));
        using (var zip = ZipFile.OpenRead(nupkg))
        {
            var names = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("README.md", names);
            Assert.Contains("lib/net10.0/TaskForce.Domain.dll", names);
            Assert.Contains("lib/net10.0/TaskForce.Domain.xml", names);
        }

        await File.WriteAllTextAsync(Path.Combine(consumer, "Consumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup><PackageReference Include="TaskForce.Domain" Version="0.1.0-test" /></ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{Path.Combine(work, "packages")}" /></config>
              <packageSources><add key="taskforce-local" value="{feed}" /></packageSources>
            </configuration>
            """);
        var examples = ReadmeFiles.SelectMany(f => ReadmeExample.Read(RepoPaths.Root, f)).ToList();
        await File.WriteAllTextAsync(Path.Combine(consumer, "Program.cs"), ReadmeExample.Program(examples));

        var run = await RunAsync("dotnet", consumer, "run");

        Assert.True(run.Code == 0, run.Output + "\n" + ReadmeExample.Program(examples));
        var outputs = ReadmeExample.Outputs(run.Stdout, examples.Count);
        Assert.All(examples.Zip(outputs), pair => Assert.True(
            pair.First.StatedOutput == pair.Second,
            $"{pair.First.File} line {pair.First.Line}: the README states\n{pair.First.StatedOutput}\nbut the example printed\n{pair.Second}"));
        Directory.Delete(work, recursive: true);
    }

    private static async Task<(int Code, string Output, string Stdout)> RunAsync(string file, string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
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
