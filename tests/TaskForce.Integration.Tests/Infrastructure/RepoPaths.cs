namespace TaskForce.Integration.Tests.Infrastructure;

/// <summary>Paths of the repository and of the shared reference folder beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string SampleVerdicts => Path.Combine(Root, "samples", "verdicts", "verdicts.jsonl");

    public static string SharedVerdicts => Path.Combine(Shared, "data", "verdicts", "verdicts.jsonl");

    private static string FindRoot()
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
