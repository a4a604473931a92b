using System.Diagnostics;
using TaskForce.Domain.Tests.Support;

namespace TaskForce.Domain.Tests.Repository;

/// <summary>
/// The repository stands alone (issue 11): no code, test, bench, script, CI file or README cites or reads the
/// reference folder that sat beside the repository while it was built, nor its documents by name. Citations resolve
/// to docs/sources.md, docs/wire-contract.md, an ADR or a public law or standard instead. The forbidden strings are
/// assembled from parts so that this file does not match itself.
/// </summary>
public sealed class SelfContainedTests
{
    private const string Shared = "shared";

    private static readonly string[] Forbidden =
    [
        "../" + Shared,
        Shared + "/contracts",
        Shared + "/data",
        Shared + "/reference",
        "domain-" + "indonesia.md",
        "anchors-" + "case-management.md",
        "anchors" + " §",
        "reference" + " §",
        "engineering" + ".md §",
        "contracts/" + "cli.md", // the reference folder's contract; the project's own is docs/wire-contract.md
    ];

    private static readonly string[] Roots = ["src/", "tests/", "bench/", "scripts/", ".ci/"];

    private static readonly string[] RootFiles = ["README.md", "taskforce", "test.sh", "run-main-job.sh"];

    private static readonly string[] BinaryExtensions = [".png", ".jpg", ".ico", ".dll", ".exe", ".pdb", ".nupkg", ".snk"];

    [Fact]
    public void TrackedFiles_CiteNothingOutsideTheRepository_GivenTheGuardedFolders()
    {
        var hits = new List<string>();
        foreach (string file in GuardedFiles())
        {
            string path = Path.Combine(RepoData.Root, file);
            if (!File.Exists(path) || BinaryExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            int number = 0;
            foreach (string line in File.ReadLines(path))
            {
                number++;
                foreach (string pattern in Forbidden.Where(p => line.Contains(p, StringComparison.OrdinalIgnoreCase)))
                {
                    hits.Add($"{file}:{number}: '{pattern}'");
                }
            }
        }

        Assert.True(hits.Count == 0, $"{hits.Count} citation(s) of documents outside the repository:\n" + string.Join('\n', hits));
    }

    [Fact]
    public void GuardedFiles_IncludeSourcesTestsAndScripts_GivenTheRepository()
    {
        var files = GuardedFiles();

        Assert.Contains("README.md", files);
        Assert.Contains("test.sh", files);
        Assert.Contains(files, f => f.StartsWith("src/TaskForce.Domain/", StringComparison.Ordinal) && f.EndsWith(".cs", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("tests/", StringComparison.Ordinal));
    }

    /// <summary>The tracked files (git ls-files) under the guarded folders; without git (an exported tree), the files
    /// on disk there, build output excluded.</summary>
    private static List<string> GuardedFiles()
    {
        IEnumerable<string> all = TrackedFiles() ?? FilesOnDisk();
        return [.. all.Where(f => Roots.Any(r => f.StartsWith(r, StringComparison.Ordinal)) || RootFiles.Contains(f, StringComparer.Ordinal))];
    }

    private static List<string>? TrackedFiles()
    {
        if (!Directory.Exists(Path.Combine(RepoData.Root, ".git")) && !File.Exists(Path.Combine(RepoData.Root, ".git")))
        {
            return null;
        }

        try
        {
            var start = new ProcessStartInfo("git", "ls-files -z")
            {
                WorkingDirectory = RepoData.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var git = Process.Start(start)!;
            string output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0 ? [.. output.Split('\0', StringSplitOptions.RemoveEmptyEntries)] : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static IEnumerable<string> FilesOnDisk()
    {
        string[] skip = ["/bin/", "/obj/", "/node_modules/", "/TestResults/", "/__mismatch__/", "/results/tmp/"];
        return Directory.EnumerateFiles(RepoData.Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoData.Root, f).Replace('\\', '/'))
            .Where(f => !skip.Any(s => ("/" + f).Contains(s, StringComparison.Ordinal)));
    }
}
