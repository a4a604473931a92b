using System.Reflection;
using NetArchTest.Rules;

namespace TaskForce.Integration.Tests.Architecture;

/// <summary>
/// The layers depend one way (ADR-002): the domain package on nothing of Azure, storage, hosting or the application;
/// the application on no adapter; storage on no host; no host on another. Checked on the compiled assemblies with
/// NetArchTest, so a stray <c>using</c> that compiles still fails here.
/// </summary>
public sealed class LayerDependencyTests
{
    private static readonly Assembly Domain = typeof(TaskForce.Domain.Common.RegionCode).Assembly;
    private static readonly Assembly Application = typeof(TaskForce.Application.Serialization.TaskForceJson).Assembly;
    private static readonly Assembly Storage = typeof(TaskForce.Storage.TaskForceTables).Assembly;
    private static readonly Assembly Cli = typeof(TaskForce.Cli.CliApp).Assembly;

    /// <summary>What the domain package may never reference: the cloud SDKs, the other layers, hosting, and the
    /// file system, network, console and process APIs. Its only data are embedded resources, read with a
    /// <c>StreamReader</c> over the manifest resource stream (allowed).</summary>
    private static readonly string[] ForbiddenInDomain =
    [
        "Azure", "Microsoft.Azure", "Microsoft.Extensions", "Microsoft.AspNetCore",
        "TaskForce.Application", "TaskForce.Storage", "TaskForce.Functions", "TaskForce.Cli", "TaskForce.Hosting",
        "System.IO.File", "System.IO.FileStream", "System.IO.Directory", "System.IO.FileInfo", "System.IO.DirectoryInfo",
        "System.Net", "System.Diagnostics.Process", "System.Console",
    ];

    [Fact]
    public void DomainTypes_DependOnNoCloudIoOrOuterLayer_GivenTheCompiledPackage()
    {
        AssertNone(Types.InAssembly(Domain).Should().NotHaveDependencyOnAny(ForbiddenInDomain).GetResult());
    }

    [Fact]
    public void ApplicationTypes_DependOnNoAdapterOrCloudSdk_GivenTheCompiledAssembly()
    {
        AssertNone(Types.InAssembly(Application).Should()
            .NotHaveDependencyOnAny("Azure", "Microsoft.Azure", "Microsoft.AspNetCore", "TaskForce.Storage", "TaskForce.Functions", "TaskForce.Cli", "TaskForce.Hosting")
            .GetResult());
    }

    [Fact]
    public void StorageTypes_DependOnNoHost_GivenTheCompiledAssembly()
    {
        AssertNone(Types.InAssembly(Storage).Should()
            .NotHaveDependencyOnAny("TaskForce.Functions", "TaskForce.Cli", "Microsoft.Azure.Functions", "Microsoft.AspNetCore")
            .GetResult());
    }

    [Fact]
    public void CliTypes_DependOnNoFunctionsHost_GivenTheCompiledTool()
    {
        AssertNone(Types.InAssembly(Cli).Should()
            .NotHaveDependencyOnAny("TaskForce.Functions", "Microsoft.Azure.Functions")
            .GetResult());
    }

    [Fact]
    public void DomainRule_FailsOnAForbiddenDependency_GivenATypeThatReadsFiles()
    {
        // The rule itself can fail: this test type reads the file system, so the same rule must reject it.
        var result = Types.InAssembly(typeof(LayerDependencyTests).Assembly)
            .That().HaveName(nameof(FileReadingProbe))
            .Should().NotHaveDependencyOnAny(ForbiddenInDomain).GetResult();

        Assert.False(result.IsSuccessful);
        Assert.Contains(result.FailingTypeNames ?? [], n => n.EndsWith(nameof(FileReadingProbe), StringComparison.Ordinal));
    }

    private static void AssertNone(TestResult result) =>
        Assert.True(result.IsSuccessful, "Types with a forbidden dependency: " + string.Join(", ", result.FailingTypeNames ?? []));

    /// <summary>A type with a file-system dependency, for the negative check.</summary>
    internal static class FileReadingProbe
    {
        public static string Read(string path) => File.ReadAllText(path);
    }
}
