using System.Text;
using TaskForce.Application.Resources;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;

namespace TaskForce.Application.Snapshots;

/// <summary>The indicator tables of the report (ADR-026): per indicator its name, definition and basis, then one table
/// per way it is split — a total and the one-way splits as lists of categories, two or more dimensions as a two-way
/// table (rows: the last dimension; columns: the others) — with zero rows and columns left out and said so once;
/// indicators whose every figure is 0 named together in one sentence.</summary>
public static partial class SnapshotReport
{
    private static void Indicators(StringBuilder h, IndicatorSnapshot s, IReadOnlyList<IndicatorDefinition> defs)
    {
        var empty = new List<string>();
        foreach (var def in defs)
        {
            var cells = s.Indicators.Where(c => c.Id == def.Id).ToList();
            if (cells.Count == 0)
            {
                continue;
            }

            if (!cells.Any(HasData))
            {
                empty.Add(ReportLabels.Name(def));
                continue;
            }

            Indicator(h, def, cells);
        }

        if (empty.Count > 0)
        {
            h.Append("<h3>").Append(E(ReportText.HeadNoData)).Append("</h3>\n");
            P(h, Texts.Format(ReportText.NoDataList, string.Join("; ", empty)));
        }
    }

    private static bool HasData(IndicatorValue c) => c.Suppressed || c.Value is not null and not 0m;

    private static void Indicator(StringBuilder h, IndicatorDefinition def, List<IndicatorValue> cells)
    {
        h.Append("<h3 id=\"i-").Append(E(def.Id)).Append("\">").Append(E(ReportLabels.Name(def))).Append("</h3>\n");
        string basis = ReportLabels.Basis(def.Id) is { } b ? " " + Texts.Format(ReportText.Basis, b) : string.Empty;
        P(h, def.Definition + basis, "def");
        var groups = cells.GroupBy(c => string.Join(",", c.Disaggregation.Select(d => d.Key))).ToList();
        bool dropped = false;
        var total = groups.FirstOrDefault(g => g.Key.Length == 0)?.FirstOrDefault();
        var oneWay = groups.Where(g => g.First().Disaggregation.Count == 1).ToList();
        if (total is not null && oneWay.Count == 0)
        {
            h.Append("<table><tbody><tr class=\"total\"><th>").Append(E(ReportText.Total)).Append("</th><td class=\"v\">")
                .Append(E(Cell(total))).Append("</td></tr></tbody></table>\n");
        }

        h.Append("<div class=\"tables\">\n");
        foreach (var g in oneWay)
        {
            string dim = g.First().Disaggregation[0].Key;
            var rows = g.Where(HasData).ToList();
            dropped |= rows.Count < g.Count();
            if (rows.Count == 0)
            {
                continue;
            }

            h.Append("<table><thead><tr><th>").Append(E(ReportLabels.Dimension(dim))).Append("</th><th class=\"v\">")
                .Append(E(ReportText.TableValue)).Append("</th></tr></thead><tbody>\n");
            foreach (var c in rows)
            {
                h.Append("<tr><td>").Append(E(ReportLabels.Value(dim, c.Disaggregation[0].Value))).Append("</td><td class=\"v\">")
                    .Append(E(Cell(c))).Append("</td></tr>\n");
            }

            if (total is not null && dim != "stat")
            {
                h.Append("<tr class=\"total\"><th>").Append(E(ReportText.Total)).Append("</th><td class=\"v\">").Append(E(Cell(total))).Append("</td></tr>\n");
            }

            h.Append("</tbody></table>\n");
        }

        h.Append("</div>\n");
        foreach (var g in groups.Where(g => g.First().Disaggregation.Count >= 2))
        {
            dropped |= CrossTable(h, [.. g]);
        }

        if (dropped)
        {
            P(h, ReportText.ZeroRowsNote, "def");
        }

        if (cells.Select(c => c.Population).FirstOrDefault(p => p is not null) is { } pop)
        {
            P(h, Texts.Format(ReportText.Population, pop.Value, pop.Year, pop.Source), "def");
        }
    }

    /// <summary>A two-way table: columns are the codes of the dimension with the fewest codes shown, rows the
    /// combinations of the others (so the table stays narrow enough for the page); rows and columns whose every cell is 0
    /// are left out.</summary>
    /// <returns><see langword="true"/> when a row or column was left out.</returns>
    private static bool CrossTable(StringBuilder h, List<IndicatorValue> cells)
    {
        int n = cells[0].Disaggregation.Count;
        var withData = cells.Where(HasData).ToList();
        int colIndex = Enumerable.Range(0, n)
            .OrderBy(i => withData.Select(c => c.Disaggregation[i].Value).Distinct().Count())
            .ThenByDescending(i => i)
            .First();
        string colDim = cells[0].Disaggregation[colIndex].Key;
        string RowKey(IndicatorValue c) => string.Join(" · ", c.Disaggregation.Where((_, i) => i != colIndex).Select(d => ReportLabels.Value(d.Key, d.Value)));
        string ColKey(IndicatorValue c) => c.Disaggregation[colIndex].Value;
        var allCols = cells.Select(ColKey).Distinct().ToList();
        var allRows = cells.Select(RowKey).Distinct().ToList();
        var cols = allCols.Where(col => withData.Any(c => ColKey(c) == col)).ToList();
        var rows = allRows.Where(row => withData.Any(c => RowKey(c) == row)).ToList();
        if (rows.Count == 0)
        {
            return true;
        }

        string rowHeading = string.Join(" · ", cells[0].Disaggregation.Where((_, i) => i != colIndex).Select(d => ReportLabels.Dimension(d.Key)));
        h.Append("<table class=\"cross\"><thead><tr><th>").Append(E(rowHeading)).Append(" \\ ").Append(E(ReportLabels.Dimension(colDim))).Append("</th>");
        foreach (string col in cols)
        {
            h.Append("<th class=\"v\">").Append(E(ReportLabels.Value(colDim, col))).Append("</th>");
        }

        h.Append("</tr></thead><tbody>\n");
        foreach (string row in rows)
        {
            h.Append("<tr><td>").Append(E(row)).Append("</td>");
            foreach (string col in cols)
            {
                var c = cells.FirstOrDefault(x => RowKey(x) == row && ColKey(x) == col);
                h.Append("<td class=\"v\">").Append(E(c is null ? "0" : Cell(c))).Append("</td>");
            }

            h.Append("</tr>\n");
        }

        h.Append("</tbody></table>\n");
        return cols.Count < allCols.Count || rows.Count < allRows.Count;
    }

    /// <summary>The court victims as a two-way table of age group by sex, summed over the forms of exploitation of the
    /// three-way cells; shown only when those cells add up to the victims by sex (every victim in one form).</summary>
    private static void VictimsBySexAndAge(StringBuilder h, IndicatorSnapshot s)
    {
        var cross = s.Indicators.Where(c => c.Id == IndicatorIds.Victims && c.Disaggregation.Count == 3 && !c.Suppressed).ToList();
        var bySex = s.Indicators.Where(c => c.Id == IndicatorIds.Victims && c.Disaggregation.Count == 1 && c.Disaggregation[0].Key == "sex").ToList();
        string[] sexes = ["female", "male", "unknown"];
        string[] ages = ["child", "adult", "unknown"];
        decimal Sum(string sex, string? age) => cross.Where(c => c.Disaggregation[0].Value == sex && (age is null || c.Disaggregation[1].Value == age)).Sum(c => c.Value ?? 0m);
        if (cross.Count == 0 || bySex.Any(c => c.Suppressed || Sum(c.Disaggregation[0].Value, null) != c.Value))
        {
            return;
        }

        var shownSexes = sexes.Where(x => Sum(x, null) > 0).ToList();
        var shownAges = ages.Where(a => shownSexes.Sum(x => Sum(x, a)) > 0).ToList();
        h.Append("<h3>").Append(E(ReportText.TableVictimsBySexAge)).Append("</h3>\n<table><thead><tr><th>")
            .Append(E(ReportLabels.Dimension("age_group"))).Append(" \\ ").Append(E(ReportLabels.Dimension("sex"))).Append("</th>");
        foreach (string x in shownSexes)
        {
            h.Append("<th class=\"v\">").Append(E(ReportLabels.Value("sex", x))).Append("</th>");
        }

        h.Append("<th class=\"v\">").Append(E(ReportText.Total)).Append("</th></tr></thead><tbody>\n");
        foreach (string a in shownAges)
        {
            h.Append("<tr><td>").Append(E(ReportLabels.Value("age_group", a))).Append("</td>");
            foreach (string x in shownSexes)
            {
                h.Append("<td class=\"v\">").Append(E(ReportFormat.Number(Sum(x, a)))).Append("</td>");
            }

            h.Append("<td class=\"v\">").Append(E(ReportFormat.Number(shownSexes.Sum(x => Sum(x, a))))).Append("</td></tr>\n");
        }

        h.Append("<tr class=\"total\"><th>").Append(E(ReportText.Total)).Append("</th>");
        foreach (string x in shownSexes)
        {
            h.Append("<td class=\"v\">").Append(E(ReportFormat.Number(Sum(x, null)))).Append("</td>");
        }

        h.Append("<td class=\"v\">").Append(E(ReportFormat.Number(shownSexes.Sum(x => Sum(x, null))))).Append("</td></tr>\n</tbody></table>\n");
    }

    private static string Cell(IndicatorValue c) => c.Suppressed ? ReportFormat.Dash : ReportFormat.Value(c.Value, c.Unit);
}
