using System.Globalization;
using TaskForce.Application.Snapshots;

namespace TaskForce.Application.Reports;

/// <summary>Language helpers of the annual report: which language the reader chose, and one-language labels of the
/// breakdown codes.</summary>
internal static class AnnualReportText
{
    /// <summary>Gets whether the current UI language is Bahasa Indonesia (the default of the tool and the API).</summary>
    public static bool IsIndonesian
    {
        get
        {
            // By name: with invariant globalisation every culture reports the invariant's ISO codes.
            for (var culture = CultureInfo.CurrentUICulture; culture.Name.Length > 0; culture = culture.Parent)
            {
                if (culture.Name is "id" or "in")
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Returns the label of a breakdown code in the reader's language: the labels of the snapshot report are
    /// written "Bahasa Indonesia / English", and the report takes the half of the reader's language.</summary>
    /// <param name="dimension">The dimension, e.g. <c>stage</c>.</param>
    /// <param name="code">The code, e.g. <c>p21</c>.</param>
    /// <returns>The label.</returns>
    public static string Label(string dimension, string code)
    {
        string label = ReportLabels.Value(dimension, code);
        int slash = label.IndexOf(" / ", StringComparison.Ordinal);
        if (slash < 0)
        {
            return label;
        }

        return IsIndonesian ? label[..slash] : label[(slash + 3)..];
    }
}
