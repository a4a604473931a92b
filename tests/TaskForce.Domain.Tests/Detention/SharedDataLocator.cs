namespace TaskForce.Domain.Tests.Detention;

/// <summary>Locates ../shared next to the repository root (the folder holding TaskForce.sln).</summary>
internal static class SharedDataLocator
{
    internal static string Path(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "TaskForce.sln")))
        {
            dir = dir.Parent;
        }

        if (dir?.Parent is null)
        {
            throw new InvalidOperationException("TaskForce.sln not found above the test directory.");
        }

        return System.IO.Path.Combine([dir.Parent.FullName, "shared", .. parts]);
    }
}
