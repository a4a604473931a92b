using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace TaskForce.Application.Reports;

/// <summary>
/// Writes the annual report as a Word document (Office Open XML, ISO/IEC 29500, <c>.docx</c>) the secretariat can
/// edit and sign: A4 pages, real heading styles (the navigation pane lists the sections), tables of the year beside
/// the year before, the charts as pictures, a signature block and the statistical annex. Written with the Open XML
/// SDK (DocumentFormat.OpenXml); holds counts only.
/// </summary>
public static class AnnualReportDocx
{
    private const long EmuPerInch = 914400;

    /// <summary>Writes the document.</summary>
    /// <param name="document">The report's text and figures. Cannot be <see langword="null"/>.</param>
    /// <returns>The <c>.docx</c> bytes.</returns>
    public static byte[] Write(AnnualReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            word.PackageProperties.Title = document.Title;
            word.PackageProperties.Creator = "TaskForce";
            word.PackageProperties.Language = document.Language;
            var main = word.AddMainDocumentPart();
            main.Document = new Document(new Body());
            AddStyles(main, document.Language);
            var body = main.Document.Body!;
            uint pictureId = 1;

            body.Append(Para(document.Title, "Title"));
            body.Append(Para(document.Subtitle, "Subtitle"));
            foreach (string line in document.Preamble)
            {
                body.Append(Para(line));
            }

            body.Append(Para(document.SummaryHeading, "Heading1"));
            body.Append(Para(document.Summary));
            foreach (var section in document.Sections)
            {
                body.Append(Para(section.Section.Title, "Heading1"));
                body.Append(Para(section.Section.Introduction));
                if (section.Section.Rows.Count == 0)
                {
                    body.Append(Para(section.Empty ?? string.Empty, "Note"));
                }
                else
                {
                    body.Append(Table(document.ColumnHeads, [.. section.Cells]));
                }

                if (section.Chart is { } png)
                {
                    body.Append(Picture(main, png, pictureId++, section.Section.Title));
                }

                foreach (string note in section.Section.NotRecorded)
                {
                    body.Append(Para(note, "Note"));
                }
            }

            body.Append(Para(document.SuppressionNote, "Note"));
            body.Append(Para(string.Empty));
            foreach (string line in document.Signature)
            {
                body.Append(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Right }), new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve })));
            }

            body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
            body.Append(Para(document.AnnexHeading, "Heading1"));
            body.Append(Para(document.AnnexIntroduction));
            body.Append(Table(document.AnnexHeads, [.. document.Annex]));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Right = 1134U, Bottom = 1134, Left = 1418U, Header = 708U, Footer = 708U, Gutter = 0U }));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Para(string text, string? style = null)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static Table Table(IReadOnlyList<string> heads, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        static BorderType Line<T>()
            where T : BorderType, new() => new T { Val = BorderValues.Single, Size = 4U, Color = "999999" };

        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(), Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>())));
        var grid = new TableGrid();
        int first = heads.Count == 2 ? 6500 : heads.Count == 3 ? 4000 : 4700;
        int rest = (9354 - first) / Math.Max(1, heads.Count - 1);
        grid.Append(new GridColumn { Width = first.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        for (int i = 1; i < heads.Count; i++)
        {
            grid.Append(new GridColumn { Width = rest.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        table.Append(grid);
        table.Append(Row(heads, header: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, header: false));
        }

        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        for (int i = 0; i < cells.Count; i++)
        {
            var paragraphProperties = new ParagraphProperties(new ParagraphStyleId { Val = "TableText" });
            if (i > 0)
            {
                paragraphProperties.Append(new Justification { Val = JustificationValues.Right });
            }

            var run = new Run();
            if (header)
            {
                run.Append(new RunProperties(new Bold()));
            }

            run.Append(new Text(cells[i]) { Space = SpaceProcessingModeValues.Preserve });
            row.Append(new TableCell(new Paragraph(paragraphProperties, run)));
        }

        return row;
    }

    private static Paragraph Picture(MainDocumentPart main, byte[] png, uint id, string title)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var image = new MemoryStream(png))
        {
            part.FeedData(image);
        }

        string relationshipId = main.GetIdOfPart(part);
        (int widthPx, int heightPx) = PngSize(png);
        long cx = 6 * EmuPerInch;
        long cy = cx * heightPx / widthPx;
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = $"Chart {id}", Description = title },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(
                        new PIC.NonVisualDrawingProperties { Id = id, Name = $"chart-{id}.png" },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U };
        return new Paragraph(new Run(new Drawing(inline)));
    }

    /// <summary>Reads a PNG's size from its IHDR chunk (bytes 16–23, big-endian).</summary>
    private static (int Width, int Height) PngSize(byte[] png) =>
        (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)),
         System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));

    private static void AddStyles(MainDocumentPart main, string language)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        static Style ParagraphStyle(string id, string name, int halfPoints, bool bold, int? outline, string spaceBefore, string spaceAfter, string? color = null, bool italic = false)
        {
            var run = new StyleRunProperties();
            if (bold)
            {
                run.Append(new Bold());
            }

            if (italic)
            {
                run.Append(new Italic());
            }

            if (color is not null)
            {
                run.Append(new Color { Val = color });
            }

            run.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            var paragraph = new StyleParagraphProperties();
            if (outline is not null)
            {
                paragraph.Append(new KeepNext());
            }

            paragraph.Append(new SpacingBetweenLines { Before = spaceBefore, After = spaceAfter });
            if (outline is { } level)
            {
                paragraph.Append(new OutlineLevel { Val = level });
            }

            var style = new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new PrimaryStyle(), paragraph, run)
            {
                Type = StyleValues.Paragraph,
                StyleId = id,
            };
            return style;
        }

        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" },
                    new FontSize { Val = "22" },
                    new Languages { Val = language })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            ParagraphStyle("Title", "Title", 36, bold: true, outline: null, "0", "120", "1F3864"),
            ParagraphStyle("Subtitle", "Subtitle", 26, bold: false, outline: null, "0", "240", "1F3864"),
            ParagraphStyle("Heading1", "heading 1", 28, bold: true, outline: 0, "360", "120", "1F3864"),
            ParagraphStyle("Note", "Note", 20, bold: false, outline: null, "60", "120", "555555", italic: true),
            ParagraphStyle("TableText", "Table Text", 20, bold: false, outline: null, "0", "0"));
        part.Styles.Save();
    }
}
