using System.Globalization;
using TaskForce.Domain.Cases;

namespace TaskForce.Domain.Indicators;

/// <content>The <c>ctdc_global_victims</c> family: the CTDC global figures set beside the task force's.</content>
public static partial class CaseIndicators
{
    private static string? AddCtdc(CellSet cells, CtdcReference? ctdc, ReportingPeriod period, List<string> warnings)
    {
        if (ctdc is null)
        {
            return null;
        }

        var years = ctdc.Counts.Where(c => c.Year is not null).Select(c => c.Year!.Value).Distinct().ToList();
        int target = period.Start.Year;
        int? year = years.Contains(target) ? target : years.Where(y => y < target).Select(y => (int?)y).Max();
        if (year is null)
        {
            warnings.Add($"{IndicatorIds.CtdcGlobalVictims}: the CTDC data set {ctdc.Dataset} has no year up to {target}.");
            return null;
        }

        if (year != target)
        {
            warnings.Add($"{IndicatorIds.CtdcGlobalVictims}: the CTDC data set has no records registered in {target}; the latest earlier year, {year}, is shown.");
        }

        const string id = IndicatorIds.CtdcGlobalVictims;
        var rows = ctdc.Counts.Where(c => c.Year == year).ToList();
        void Block(IReadOnlyList<CtdcCount> set, params (string Key, string Value)[] fixedDims)
        {
            cells.Fixed(id, "persons", set.Sum(c => c.Count), fixedDims);
            foreach (var (gender, code) in new[] { (CtdcGender.Woman, "female"), (CtdcGender.Man, "male"), (CtdcGender.TransOrNonConforming, "other"), (CtdcGender.Unknown, "unknown") })
            {
                cells.Fixed(id, "persons", set.Where(c => c.Gender == gender).Sum(c => c.Count), [.. fixedDims, ("sex", code)]);
            }

            foreach (string age in AgeGroups.Codes(AgeGrouping.CtdcAgeBroad))
            {
                cells.Fixed(id, "persons", set.Where(c => c.AgeBroad == age).Sum(c => c.Count), [.. fixedDims, ("age_broad", age)]);
            }

            for (int f = 0; f < 4; f++)
            {
                long n = f < 3 ? set.Where(c => (c.Forms & FormOrder[f]) != 0).Sum(c => c.Count) : set.Where(c => c.Forms == 0).Sum(c => c.Count);
                cells.Fixed(id, "persons", n, [.. fixedDims, ("exploitation_form", ExploitationForms.Codes[f])]);
            }
        }

        Block(rows);
        Block([.. rows.Where(r => r.Citizenship == "ID")], ("citizenship", "ID"));
        return year.Value.ToString(CultureInfo.InvariantCulture);
    }
}
