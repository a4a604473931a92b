using System.Globalization;
using TaskForce.Application.Snapshots;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Prevention;

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

    /// <summary>Returns the label of a breakdown code in the reader's language (the snapshot report's labels).</summary>
    /// <param name="dimension">The dimension, e.g. <c>stage</c>.</param>
    /// <param name="code">The code, e.g. <c>p21</c>.</param>
    /// <returns>The label.</returns>
    public static string Label(string dimension, string code) => ReportLabels.Value(dimension, code);

    /// <summary>Returns the name of an indicator in the reader's language, from the indicator catalogue or the
    /// prevention catalogue; the id itself when neither holds it.</summary>
    /// <param name="id">The indicator id.</param>
    /// <returns>The name.</returns>
    public static string Name(string id)
    {
        var definition = IndicatorCatalogue.All.Concat(PreventionCatalogue.Definitions).FirstOrDefault(d => d.Id == id);
        return definition is null ? id : IsIndonesian ? definition.NameId : definition.NameEn;
    }
}
