using System.Security.Cryptography;

namespace TaskForce.Domain.Tests.Support;

/// <summary>The one way the domain tests find data in the repository: walk up from the test's base directory to the
/// folder holding TaskForce.sln and resolve paths from there (e.g. <c>samples/mse</c>, <c>samples/verdicts</c>).
/// Nothing outside the repository is read.</summary>
internal static class RepoData
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>Gets the repository root (the folder holding TaskForce.sln).</summary>
    public static string Root => RootPath.Value;

    /// <summary>Gets the real verdicts shipped with the repository (samples/verdicts/verdicts.jsonl).</summary>
    public static string Verdicts => PathOf("samples", "verdicts", "verdicts.jsonl");

    /// <summary>Gets the folder of the multiple-systems-estimation data and reference results (samples/mse).</summary>
    public static string MseFolder => PathOf("samples", "mse");

    /// <summary>Returns the full path of a file or folder given by its parts relative to the repository root.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Reads a <c>SHA256SUMS</c> file (the format of <c>sha256sum</c>): file name → lower-case hex hash.</summary>
    public static IReadOnlyDictionary<string, string> Checksums(string sumsFile) =>
        File.ReadLines(sumsFile)
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => l.Split("  ", 2))
            .ToDictionary(p => p[1].Trim(), p => p[0].Trim(), StringComparer.Ordinal);

    /// <summary>Returns the lower-case hex SHA-256 of a stream.</summary>
    public static string Sha256(Stream stream) => Convert.ToHexStringLower(SHA256.HashData(stream));

    /// <summary>Returns the lower-case hex SHA-256 of a file.</summary>
    public static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Sha256(stream);
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
