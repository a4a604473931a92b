using TaskForce.Functions.Http;

namespace TaskForce.LocalHost.Tests.Client;

/// <summary>The client is generated at build time from src/TaskForce.Client/openapi.json, a committed copy of the
/// document the API serves (the hand-kept file plus the schemas generated from the records). This test keeps the copy
/// equal to what <see cref="OpenApiFunctions.Text"/> serves; run with TASKFORCE_UPDATE_OPENAPI=1 to rewrite it.</summary>
public sealed class ClientDocumentTests
{
    [Fact]
    public void CommittedDocument_EqualsServedDocument()
    {
        string path = Path.Combine(RepoRoot(), "src", "TaskForce.Client", "openapi.json");
        string served = OpenApiFunctions.Text.ReplaceLineEndings("\n").TrimEnd() + "\n";
        string committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        if (committed != served && Environment.GetEnvironmentVariable("TASKFORCE_UPDATE_OPENAPI") == "1")
        {
            File.WriteAllText(path, served);
            committed = served;
        }

        Assert.True(
            committed == served,
            $"{path} differs from the served OpenAPI document: run the tests with TASKFORCE_UPDATE_OPENAPI=1 to rewrite it, then rebuild the client.");
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TaskForce.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TaskForce.sln not found above " + AppContext.BaseDirectory);
    }
}
