using System.Text.Json;
using TaskForce.Domain.Estimation;
using TaskForce.Domain.Tests.Support;

namespace TaskForce.Domain.Tests.Estimation;

/// <summary>Reads samples/mse (the data sets and SparseMSE 2.0.2's reference results) through <see cref="RepoData"/>.</summary>
internal static class MseReference
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "reference.json"))));

    public static string Folder => RepoData.MseFolder;

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
