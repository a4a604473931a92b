namespace TaskForce.Domain.Tests.Support;

/// <summary>Finds the read-only shared folder: walk up from the test's base directory to the folder holding
/// TaskForce.sln, then <c>../shared</c> (notes/helper-common.md).</summary>
internal static class SharedData
{
    public static string PathOf(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TaskForce.sln")))
        {
            dir = dir.Parent;
        }

        if (dir?.Parent is null)
        {
            throw new InvalidOperationException("TaskForce.sln not found above " + AppContext.BaseDirectory);
        }

        return Path.Combine(dir.Parent.FullName, "shared", relative);
    }
}
