using System.Security.Cryptography;

namespace TaskForce.Integration.Tests.Infrastructure;

/// <summary>The one way the integration tests find files in the repository (the folder holding TaskForce.sln):
/// samples, data and scripts. Nothing outside the repository is read.</summary>
public static class RepoPaths
{
    /// <summary>Gets the repository root.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Gets the real verdicts shipped with the repository (samples/verdicts/verdicts.jsonl).</summary>
    public static string SampleVerdicts => Path.Combine(Root, "samples", "verdicts", "verdicts.jsonl");

    /// <summary>Gets the folder of the multiple-systems-estimation data and reference results (samples/mse).</summary>
    public static string MseSamples => Path.Combine(Root, "samples", "mse");

    /// <summary>Returns the hash a <c>SHA256SUMS</c> file (the format of <c>sha256sum</c>) records for a file.</summary>
    public static string CommittedSha256(string sumsFile, string name) =>
        File.ReadLines(sumsFile)
            .Select(l => l.Split("  ", 2))
            .Single(p => p.Length == 2 && p[1].Trim() == name)[0];

    /// <summary>Returns the lower-case hex SHA-256 of a file.</summary>
    public static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

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
