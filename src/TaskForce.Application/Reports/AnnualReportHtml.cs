using System.Net;
using System.Text;

namespace TaskForce.Application.Reports;

/// <summary>Writes the annual report as one self-contained HTML page (charts embedded as data URIs, so the page can be
/// mailed or opened offline) with a print stylesheet for A4, saying the same as <see cref="AnnualReportDocx"/>.</summary>
public static class AnnualReportHtml
{
    private const string Style =
        "body{font-family:Calibri,'Segoe UI',sans-serif;max-width:48em;margin:2em auto;padding:0 1em;color:#222;line-height:1.4}"
        + "h1{color:#1f3864;font-size:1.7em;margin-bottom:.2em}p.sub{color:#1f3864;font-size:1.2em;margin-top:0}"
        + "h2{color:#1f3864;border-bottom:1px solid #ccc;padding-bottom:.1em;margin-top:1.6em}"
        + "table{border-collapse:collapse;width:100%;margin:.6em 0 1em}th,td{border:1px solid #999;padding:.2em .5em;text-align:left;vertical-align:top}"
        + "td+td,th+th{text-align:right;white-space:nowrap}p.note{color:#555;font-style:italic;font-size:.92em}"
        + "img{max-width:100%;height:auto;display:block;margin:.5em 0}.sign{text-align:right;margin-top:2em}"
        + "@page{size:A4;margin:20mm 20mm 20mm 25mm}"
        + "@media print{body{max-width:none;margin:0;padding:0;font-size:11pt}h2{break-after:avoid}tr,img{break-inside:avoid}"
        + "thead{display:table-header-group}section.annex{break-before:page}}";

    /// <summary>Renders the page.</summary>
    /// <param name="document">The report's text and figures. Cannot be <see langword="null"/>.</param>
    /// <returns>The HTML (UTF-8 text, deterministic for a given document).</returns>
    public static string Render(AnnualReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        static string E(string s) => WebUtility.HtmlEncode(s);
        var h = new StringBuilder();
        string lang = document.Language[..2];
        h.Append("<!DOCTYPE html>\n<html lang=\"").Append(lang).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
            .Append(E(document.Title)).Append(" — ").Append(E(document.Subtitle)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        h.Append("<h1>").Append(E(document.Title)).Append("</h1>\n<p class=\"sub\">").Append(E(document.Subtitle)).Append("</p>\n");
        foreach (string line in document.Preamble)
        {
            h.Append("<p>").Append(E(line)).Append("</p>\n");
        }

        h.Append("<h2>").Append(E(document.SummaryHeading)).Append("</h2>\n<p>").Append(E(document.Summary)).Append("</p>\n");
        foreach (var section in document.Sections)
        {
            h.Append("<section>\n<h2>").Append(E(section.Section.Title)).Append("</h2>\n<p>").Append(E(section.Section.Introduction)).Append("</p>\n");
            if (section.Empty is { } empty)
            {
                h.Append("<p class=\"note\">").Append(E(empty)).Append("</p>\n");
            }
            else
            {
                Table(h, document.ColumnHeads, section.Cells);
            }

            if (section.Chart is { } png)
            {
                h.Append("<img alt=\"").Append(E(section.Section.Title)).Append("\" src=\"data:image/png;base64,")
                    .Append(Convert.ToBase64String(png)).Append("\">\n");
            }

            foreach (string note in section.Section.NotRecorded)
            {
                h.Append("<p class=\"note\">").Append(E(note)).Append("</p>\n");
            }

            h.Append("</section>\n");
        }

        h.Append("<p class=\"note\">").Append(E(document.SuppressionNote)).Append("</p>\n<div class=\"sign\">\n");
        foreach (string line in document.Signature)
        {
            h.Append("<p>").Append(line.Length == 0 ? "&nbsp;" : E(line)).Append("</p>\n");
        }

        h.Append("</div>\n<section class=\"annex\">\n<h2>").Append(E(document.AnnexHeading)).Append("</h2>\n<p>").Append(E(document.AnnexIntroduction)).Append("</p>\n");
        Table(h, document.AnnexHeads, document.Annex);
        h.Append("</section>\n</body>\n</html>\n");
        return h.ToString();

        static void Table(StringBuilder h, IReadOnlyList<string> heads, IReadOnlyList<IReadOnlyList<string>> rows)
        {
            h.Append("<table>\n<thead><tr>");
            foreach (string head in heads)
            {
                h.Append("<th>").Append(WebUtility.HtmlEncode(head)).Append("</th>");
            }

            h.Append("</tr></thead>\n<tbody>\n");
            foreach (var row in rows)
            {
                h.Append("<tr>");
                foreach (string cell in row)
                {
                    h.Append("<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
                }

                h.Append("</tr>\n");
            }

            h.Append("</tbody>\n</table>\n");
        }
    }
}
