namespace TaskForce.Application.Snapshots;

/// <summary>The report's style sheet: readable on screen and printable on A4 (ADR-026): a column no wider than the
/// printed page, tables that wrap their text rather than overflow, figures at the column's width, and in print one
/// section per page start, no table, figure or row cut across pages, table headers repeated.</summary>
internal static class ReportStyle
{
    /// <summary>The CSS, embedded in the report's head so the report is one file with its PNGs.</summary>
    public const string Css =
        ":root{--ink:#1d2733;--muted:#56616e;--line:#c5ced8;--accent:#1f5f99;--soft:#f2f5f8}\n"
        + "*{box-sizing:border-box}\n"
        + "html{-webkit-text-size-adjust:100%}\n"
        + "body{font-family:\"DejaVu Sans\",\"Liberation Sans\",Arial,sans-serif;font-size:15px;line-height:1.45;color:var(--ink);max-width:46rem;margin:0 auto;padding:1.5rem 1rem}\n"
        + "h1{font-size:1.55rem;line-height:1.2;margin:0 0 .3rem}\n"
        + "h2{font-size:1.25rem;color:var(--accent);border-bottom:2px solid var(--accent);padding-bottom:.2rem;margin:2.2rem 0 .6rem}\n"
        + "h3{font-size:1.05rem;margin:1.4rem 0 .3rem}\n"
        + "p{margin:.4rem 0 .6rem}\n"
        + ".sub{font-size:1.05rem;margin:0}\n"
        + ".meta{color:var(--muted);font-size:.9rem;margin:.2rem 0 0}\n"
        + ".lead{font-size:1.05rem}\n"
        + ".cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(9.5rem,1fr));gap:.6rem;margin:1rem 0}\n"
        + ".card{border:1px solid var(--line);border-radius:6px;padding:.55rem .7rem;background:#fff}\n"
        + ".card b{display:block;font-size:1.8rem;line-height:1.1;color:var(--accent)}\n"
        + ".card span{font-size:.85rem;color:var(--muted)}\n"
        + "table{border-collapse:collapse;margin:.4rem 0 1rem;max-width:100%}\n"
        + "th,td{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}\n"
        + "thead th{background:var(--soft);font-weight:600}\n"
        + "td.v,th.v{text-align:right;font-variant-numeric:tabular-nums}td.v{white-space:nowrap}\n"
        + ".tables{display:flex;flex-wrap:wrap;gap:0 1.2rem;align-items:flex-start}.tables table{margin-top:.2rem}\n"
        + "table.cross{font-size:.9rem}\n"
        + "tr.total th,tr.total td{font-weight:700;background:var(--soft)}\n"
        + ".def{color:var(--muted);font-size:.88rem}\n"
        + ".note{background:var(--soft);border-left:4px solid var(--accent);padding:.5rem .8rem;font-size:.92rem}\n"
        + "figure{margin:1rem 0}\n"
        + "figure img{display:block;width:100%;height:auto;border:1px solid var(--line)}\n"
        + "figcaption{font-size:.88rem;color:var(--muted);margin-top:.2rem}\n"
        + "footer{margin-top:2rem;border-top:1px solid var(--line);padding-top:.5rem;color:var(--muted);font-size:.85rem}\n"
        + "@page{size:A4;margin:14mm 14mm 16mm}\n"
        + "@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}"
        + "h2{break-before:page}#summary h2{break-before:auto}"
        + "h2,h3{break-after:avoid}table,figure,.cards,.note,tr{break-inside:avoid}thead{display:table-header-group}"
        + ".card{border-color:#888}}\n";
}
