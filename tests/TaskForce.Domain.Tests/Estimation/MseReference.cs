using System.Text.Json;
using TaskForce.Domain.Estimation;

namespace TaskForce.Domain.Tests.Estimation;

/// <summary>Reads ../shared/data/mse (the data sets and SparseMSE 2.0.2's reference results) from the repository
/// root, found by walking up to the folder that holds TaskForce.sln.</summary>
internal static class MseReference
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "reference.json"))));

    public static string Folder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TaskForce.sln")))
            {
                dir = dir.Parent;
            }

            if (dir is null)
            {
                throw new InvalidOperationException("TaskForce.sln not found above " + AppContext.BaseDirectory);
            }

            return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "mse"));
        }
    }

    public static CaptureHistoryTable Table(string dataSet) =>
        CaptureHistoryTable.Parse(File.ReadAllText(Path.Combine(Folder, dataSet + ".csv")));

    public static JsonElement Result(string dataSet, string model) => Document.Value.RootElement.GetProperty(dataSet).GetProperty(model);

    public static JsonElement Info(string dataSet) => Document.Value.RootElement.GetProperty(dataSet).GetProperty("info");

    public static string[] Strings(JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];

    public static double Number(JsonElement element, string property) => element.GetProperty(property).GetDouble();

    /// <summary>Asserts |actual − expected| ≤ tolerance·|expected|.</summary>
    public static void Relative(double expected, double actual, double tolerance, string what)
    {
        double error = Math.Abs(actual - expected) / Math.Abs(expected);
        Assert.True(
            error <= tolerance,
            $"{what}: expected {expected:R}, got {actual:R} (relative error {error:E2} > {tolerance:E0}).");
    }
}
