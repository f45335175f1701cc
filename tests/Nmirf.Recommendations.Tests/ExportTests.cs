using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Nmirf.Recommendations.Contracts;
using Nmirf.Recommendations.Export;
using Nmirf.Recommendations.Importing;

namespace Nmirf.Recommendations.Tests;

public class ExportTests
{
    private const string Header =
        "Body,Symbol,Paragraph,Text,Type,Publication date,UPR cycle,UPR session,Recommending states,Response,Themes,"
        + "Affected persons,SDG goals,SDG targets,Status,Lead institution,Supporting institutions,Follow-up,"
        + "Follow-up deadline,Annotation id,Id";

    private static readonly string[] Headers = Header.Split(',');

    private static readonly Guid SampleId = Guid.Parse("3f2504e0-4f89-41d3-9a0c-0305e82c3301");

    /// <summary>A UPR recommendation with every field set: multi-values, accents, and a comma, quotes and a line break in the text.</summary>
    private static RecommendationView Sample(Guid? id = null, string? text = null) => new(
        Id: id ?? SampleId,
        Country: "PER",
        Body: "upr",
        Symbol: "A/HRC/56/12",
        Paragraph: "140.7",
        Text: text ?? "Garantizar el acceso a la educación, \"sin discriminación\",\nen las zonas rurales",
        PublicationDate: new DateOnly(2024, 3, 1),
        Type: RecommendationType.Recommendation,
        UprCycle: 4,
        UprSession: 45,
        RecommendingStates: ["FRA", "CHL"],
        Response: UprResponse.SupportedInPart,
        Themes: ["Right to education", "Non-discrimination"],
        AffectedPersons: ["Children", "Persons living in rural areas"],
        SdgGoals: ["4", "10"],
        SdgTargets: ["4.5"],
        Status: ImplementationStatus.PartiallyImplemented,
        LeadInstitution: "Ministerio de Educación",
        SupportingInstitutions: ["Defensoría del Pueblo", "Ministerio de la Mujer"],
        FollowUp: true,
        FollowUpDeadline: new DateOnly(2025, 12, 31),
        AnnotationId: "b1e6c2a4-2f0a-4d7e-9c1b-8a3d5e6f7a80");

    /// <summary>A treaty-body observation with every optional field left out.</summary>
    private static RecommendationView Sparse(Guid id) => new(
        Id: id,
        Country: "PER",
        Body: "crc",
        Symbol: null,
        Paragraph: null,
        Text: "Le Comité est préoccupé par l'accès limité des enfants autochtones à l'enregistrement des naissances.",
        PublicationDate: null,
        Type: RecommendationType.Observation,
        UprCycle: null,
        UprSession: null,
        RecommendingStates: [],
        Response: null,
        Themes: [],
        AffectedPersons: [],
        SdgGoals: [],
        SdgTargets: [],
        Status: ImplementationStatus.NotStarted,
        LeadInstitution: null,
        SupportingInstitutions: [],
        FollowUp: false,
        FollowUpDeadline: null,
        AnnotationId: null);

    private static async IAsyncEnumerable<T> Async<T>(IEnumerable<T> items, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            ct.ThrowIfCancellationRequested();
            yield return item;
        }
    }

    private static async Task<byte[]> CsvAsync(params RecommendationView[] rows)
    {
        using var memory = new MemoryStream();
        await RecommendationExport.WriteCsvAsync(memory, Async(rows), CancellationToken.None);
        return memory.ToArray();
    }

    private static async Task<byte[]> XlsxAsync(params RecommendationView[] rows)
    {
        using var memory = new MemoryStream();
        await RecommendationExport.WriteXlsxAsync(memory, Async(rows), CancellationToken.None);
        return memory.ToArray();
    }

    private static List<Dictionary<string, string>> ReadCsv(byte[] bytes)
    {
        using var csv = CsvReader.Create(bytes, CsvReaderOptions.Default with { Separator = ',' });
        Assert.Equal(Headers, csv.Headers);
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            Assert.Equal(Headers.Length, csv.FieldCount);
            rows.Add(Headers.ToDictionary(h => h, csv.GetString));
        }

        return rows;
    }

    /// <summary>What a row should read as, spelled out field by field independently of the exporter's own column table.</summary>
    private static Dictionary<string, string> Expected(RecommendationView r) => new()
    {
        ["Body"] = r.Body,
        ["Symbol"] = r.Symbol ?? string.Empty,
        ["Paragraph"] = r.Paragraph ?? string.Empty,
        ["Text"] = r.Text,
        ["Type"] = r.Type == RecommendationType.Recommendation ? "recommendation" : "observation",
        ["Publication date"] = r.PublicationDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
        ["UPR cycle"] = r.UprCycle?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        ["UPR session"] = r.UprSession?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        ["Recommending states"] = string.Join("; ", r.RecommendingStates),
        ["Response"] = r.Response switch
        {
            UprResponse.Supported => "supported",
            UprResponse.SupportedInPart => "supported-in-part",
            UprResponse.Noted => "noted",
            UprResponse.Pending => "pending",
            _ => string.Empty,
        },
        ["Themes"] = string.Join("; ", r.Themes),
        ["Affected persons"] = string.Join("; ", r.AffectedPersons),
        ["SDG goals"] = string.Join("; ", r.SdgGoals),
        ["SDG targets"] = string.Join("; ", r.SdgTargets),
        ["Status"] = r.Status switch
        {
            ImplementationStatus.NotStarted => "not-started",
            ImplementationStatus.InProgress => "in-progress",
            ImplementationStatus.PartiallyImplemented => "partially-implemented",
            ImplementationStatus.Implemented => "implemented",
            ImplementationStatus.NotImplemented => "not-implemented",
            _ => "no-longer-applicable",
        },
        ["Lead institution"] = r.LeadInstitution ?? string.Empty,
        ["Supporting institutions"] = string.Join("; ", r.SupportingInstitutions),
        ["Follow-up"] = r.FollowUp ? "yes" : "no",
        ["Follow-up deadline"] = r.FollowUpDeadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
        ["Annotation id"] = r.AnnotationId ?? string.Empty,
        ["Id"] = r.Id.ToString(),
    };

    // CSV

    [Fact]
    public async Task WriteCsvAsync_NoRows_WritesTheByteOrderMarkAndTheHeaderOnly()
    {
        var bytes = await CsvAsync();

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(Header + "\r\n", Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    [Fact]
    public async Task WriteCsvAsync_RowWithMultiValuesAccentsAndQuotedCharacters_WritesOneRfc4180Record()
    {
        var bytes = await CsvAsync(Sample());

        var expected = Header + "\r\n"
            + "upr,A/HRC/56/12,140.7,\"Garantizar el acceso a la educación, \"\"sin discriminación\"\",\nen las zonas rurales\","
            + "recommendation,2024-03-01,4,45,FRA; CHL,supported-in-part,Right to education; Non-discrimination,"
            + "Children; Persons living in rural areas,4; 10,4.5,partially-implemented,Ministerio de Educación,"
            + "Defensoría del Pueblo; Ministerio de la Mujer,yes,2025-12-31,b1e6c2a4-2f0a-4d7e-9c1b-8a3d5e6f7a80,"
            + "3f2504e0-4f89-41d3-9a0c-0305e82c3301\r\n";
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(expected, new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3));
    }

    [Fact]
    public async Task WriteCsvAsync_EmptyOptionalFields_WritesEmptyCells()
    {
        var id = Guid.Parse("00000000-0000-0000-0000-000000000007");
        var bytes = await CsvAsync(Sparse(id));

        var line = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n")[1];
        Assert.Equal("crc,,,Le Comité est préoccupé par l'accès limité des enfants autochtones à l'enregistrement des naissances.,"
            + "observation,,,,,,,,,,not-started,,,no,,,00000000-0000-0000-0000-000000000007", line);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://example.org\",\"click\")")]
    [InlineData("+33 1 23 45 67 89")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A2)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public async Task WriteCsvAsync_CellStartingLikeAFormula_IsPrefixedWithASingleQuote(string text)
    {
        var row = Sample(text: text) with { LeadInstitution = text, Themes = [text, "Right to education"] };

        var read = Assert.Single(ReadCsv(await CsvAsync(row)));

        Assert.Equal("'" + text, read["Text"]);
        Assert.Equal("'" + text, read["Lead institution"]);
        Assert.Equal("'" + text + "; Right to education", read["Themes"]);
    }

    [Fact]
    public async Task WriteCsvAsync_FormulaCharacterInsideTheText_IsLeftAlone()
    {
        var row = Sample(text: "Ensure that wages for women = wages for men, +10% by 2030 - @ministry");

        var read = Assert.Single(ReadCsv(await CsvAsync(row)));

        Assert.Equal(row.Text, read["Text"]);
    }

    [Fact]
    public async Task WriteCsvAsync_ReadBackWithCsvHelper_EqualsTheInput()
    {
        RecommendationView[] rows =
        [
            Sample(),
            Sparse(Guid.Parse("00000000-0000-0000-0000-000000000002")),
            Sample(Guid.Parse("00000000-0000-0000-0000-000000000003"), "Une ligne\r\navec CRLF, des « guillemets » et \"des doubles\"") with
            {
                Response = UprResponse.Noted,
                Status = ImplementationStatus.NoLongerApplicable,
                Type = RecommendationType.Observation,
                Themes = ["Droits de l'enfant", "Égalité"],
                FollowUp = false,
            },
            Sample(Guid.Parse("00000000-0000-0000-0000-000000000004"), "Assegurar o acesso à saúde; incluir as comunidades quilombolas") with
            {
                Response = UprResponse.Pending,
                Status = ImplementationStatus.InProgress,
                Symbol = "CRC/C/BRA/CO/5-6",
            },
        ];

        var read = ReadCsv(await CsvAsync(rows));

        Assert.Equal(rows.Length, read.Count);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(Expected(rows[i]), read[i]);
        }
    }

    [Fact]
    public async Task WriteCsvAsync_ManyRows_ReachesTheStreamBeforeTheLastRowArrives()
    {
        const int Count = 2_000;
        using var memory = new MemoryStream();
        long writtenBeforeLastRow = -1;

        async IAsyncEnumerable<RecommendationView> Rows()
        {
            for (var i = 0; i < Count; i++)
            {
                await Task.Yield();
                if (i == Count - 1)
                {
                    writtenBeforeLastRow = memory.Length;
                }

                yield return Sample(Guid.NewGuid());
            }
        }

        await RecommendationExport.WriteCsvAsync(memory, Rows(), CancellationToken.None);

        Assert.True(writtenBeforeLastRow > memory.Length / 2, $"{writtenBeforeLastRow} of {memory.Length} bytes were written before the last row");
        Assert.Equal(Count, ReadCsv(memory.ToArray()).Count);
    }

    [Fact]
    public async Task WriteCsvAsync_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            RecommendationExport.WriteCsvAsync(new MemoryStream(), Async([Sample()]), cancelled.Token));
    }

    // XLSX

    private static WorksheetPart Worksheet(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart!;
        var sheet = Assert.Single(workbook.Workbook.Sheets!.Elements<Sheet>());
        Assert.Equal(RecommendationExport.WorksheetName, sheet.Name?.Value);
        return (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
    }

    private static List<Row> Rows(SpreadsheetDocument document) => Worksheet(document).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();

    private static Cell CellAt(Row row, string column) =>
        Assert.Single(row.Elements<Cell>(), c => c.CellReference?.Value == column + row.RowIndex!.Value.ToString(CultureInfo.InvariantCulture));

    private static string TextOf(Cell cell)
    {
        Assert.Equal(CellValues.InlineString, cell.DataType?.Value);
        return cell.InlineString!.InnerText;
    }

    private static CellFormat FormatOf(SpreadsheetDocument document, Cell cell) =>
        document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);

    private static void AssertValid(SpreadsheetDocument document)
    {
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
    }

    [Fact]
    public async Task WriteXlsxAsync_Workbook_PassesTheOpenXmlValidator()
    {
        var bytes = await XlsxAsync(
            Sample(),
            Sparse(Guid.NewGuid()),
            Sample(Guid.NewGuid(), "  leading and trailing spaces, a control character \u0001 and an emoji 🙂  ") with { PublicationDate = new DateOnly(1899, 6, 1) });

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        AssertValid(document);
    }

    [Fact]
    public async Task WriteXlsxAsync_NoRows_WritesAValidWorkbookWithTheHeaderOnly()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(await XlsxAsync()), isEditable: false);

        AssertValid(document);
        var row = Assert.Single(Rows(document));
        Assert.Equal(Headers, row.Elements<Cell>().Select(TextOf));
    }

    [Fact]
    public async Task WriteXlsxAsync_ReadBack_HasTheBoldFrozenHeaderAndTheValues()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(await XlsxAsync(Sample())), isEditable: false);
        var rows = Rows(document);

        Assert.Equal(2, rows.Count);
        Assert.Equal(Headers, rows[0].Elements<Cell>().Select(TextOf));
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        Assert.All(rows[0].Elements<Cell>(), c =>
            Assert.NotNull(stylesheet.Fonts!.Elements<Font>().ElementAt((int)FormatOf(document, c).FontId!.Value).GetFirstChild<Bold>()));

        var pane = Worksheet(document).Worksheet.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.GetFirstChild<Pane>()!;
        Assert.Equal(PaneStateValues.Frozen, pane.State?.Value);
        Assert.Equal(1D, pane.VerticalSplit?.Value);
        Assert.Equal("A2", pane.TopLeftCell?.Value);

        var row = rows[1];
        Assert.Equal("upr", TextOf(CellAt(row, "A")));
        Assert.Equal("A/HRC/56/12", TextOf(CellAt(row, "B")));
        Assert.Equal("140.7", TextOf(CellAt(row, "C")));
        Assert.Equal(Sample().Text, TextOf(CellAt(row, "D")));
        Assert.Equal("recommendation", TextOf(CellAt(row, "E")));
        Assert.Equal("FRA; CHL", TextOf(CellAt(row, "I")));
        Assert.Equal("supported-in-part", TextOf(CellAt(row, "J")));
        Assert.Equal("Right to education; Non-discrimination", TextOf(CellAt(row, "K")));
        Assert.Equal("partially-implemented", TextOf(CellAt(row, "O")));
        Assert.Equal("Ministerio de Educación", TextOf(CellAt(row, "P")));
        Assert.Equal("Defensoría del Pueblo; Ministerio de la Mujer", TextOf(CellAt(row, "Q")));
        Assert.Equal("yes", TextOf(CellAt(row, "R")));
        Assert.Equal(SampleId.ToString(), TextOf(CellAt(row, "U")));

        var cycle = CellAt(row, "G");
        Assert.Null(cycle.DataType);
        Assert.Equal("4", cycle.CellValue?.Text);
    }

    [Fact]
    public async Task WriteXlsxAsync_DateCell_IsANumberWithADateFormat()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(await XlsxAsync(Sample())), isEditable: false);
        var row = Rows(document)[1];

        foreach (var (column, date) in new[] { ("F", new DateTime(2024, 3, 1)), ("S", new DateTime(2025, 12, 31)) })
        {
            var cell = CellAt(row, column);
            Assert.True(cell.DataType is null || cell.DataType.Value == CellValues.Number);
            Assert.Equal(date, DateTime.FromOADate(double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)));

            var format = FormatOf(document, cell);
            Assert.True(format.ApplyNumberFormat?.Value);
            var numberFormat = Assert.Single(
                document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>(),
                f => f.NumberFormatId?.Value == format.NumberFormatId?.Value);
            Assert.Equal("yyyy-mm-dd", numberFormat.FormatCode?.Value);
        }
    }

    [Fact]
    public async Task WriteXlsxAsync_Columns_HaveTheirWidthsSet()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(await XlsxAsync(Sample())), isEditable: false);

        var columns = Worksheet(document).Worksheet.GetFirstChild<Columns>()!.Elements<Column>().ToList();
        Assert.Equal(Headers.Length, columns.Count);
        Assert.All(columns, c => Assert.True(c.CustomWidth?.Value == true && c.Width?.Value > 5));
        Assert.True(columns[3].Width!.Value > columns[0].Width!.Value, "the Text column is the widest");
    }

    [Fact]
    public async Task WriteXlsxAsync_TextStartingWithEquals_IsStoredAsTextNotAsAFormula()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(await XlsxAsync(Sample(text: "=1+1"))), isEditable: false);

        var cell = CellAt(Rows(document)[1], "D");
        Assert.Null(cell.CellFormula);
        Assert.Equal("=1+1", TextOf(cell));
    }

    [Fact]
    public async Task WriteXlsxAsync_TenThousandRowsToANonSeekableStream_WritesTheWholeWorkbook()
    {
        const int Count = 10_000;
        var temporaryFiles = Directory.GetFiles(Path.GetTempPath(), "nmirf-export-*").ToHashSet();
        using var memory = new MemoryStream();
        var destination = new ForwardOnlyStream(memory);

        await RecommendationExport.WriteXlsxAsync(
            destination,
            Async(Enumerable.Range(1, Count).Select(i => Sample(new Guid(i, 0, 0, new byte[8]), $"Recommendation number {i}"))),
            CancellationToken.None);

        Assert.Subset(temporaryFiles, Directory.GetFiles(Path.GetTempPath(), "nmirf-export-*").ToHashSet());
        using var document = SpreadsheetDocument.Open(new MemoryStream(memory.ToArray()), isEditable: false);
        var rows = Rows(document);
        Assert.Equal(Count + 1, rows.Count);
        Assert.Equal("Recommendation number 10000", TextOf(CellAt(rows[^1], "D")));
        Assert.Equal(new Guid(Count, 0, 0, new byte[8]).ToString(), TextOf(CellAt(rows[^1], "U")));
        var filter = Worksheet(document).Worksheet.GetFirstChild<AutoFilter>();
        Assert.Equal($"A1:U{Count + 1}", filter?.Reference?.Value);
    }

    [Fact]
    public async Task WriteXlsxAsync_SeekableStreamWithContent_AppendsTheWorkbookAfterIt()
    {
        using var memory = new MemoryStream();
        memory.Write("abc"u8);

        await RecommendationExport.WriteXlsxAsync(memory, Async([Sample()]), CancellationToken.None);

        var bytes = memory.ToArray();
        Assert.Equal("abc"u8.ToArray(), bytes[..3]);
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes[3..]), isEditable: false);
        Assert.Equal(2, Rows(document).Count);
    }

    [Fact]
    public async Task WriteXlsxAsync_CancelledMidway_ThrowsAndLeavesNoTemporaryFile()
    {
        var temporaryFiles = Directory.GetFiles(Path.GetTempPath(), "nmirf-export-*").ToHashSet();
        using var cancellation = new CancellationTokenSource();

        async IAsyncEnumerable<RecommendationView> Endless()
        {
            for (var i = 0; ; i++)
            {
                await Task.Yield();
                if (i == 100)
                {
                    await cancellation.CancelAsync();
                }

                yield return Sample(Guid.NewGuid());
            }
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            RecommendationExport.WriteXlsxAsync(new ForwardOnlyStream(new MemoryStream()), Endless(), cancellation.Token));

        Assert.Subset(temporaryFiles, Directory.GetFiles(Path.GetTempPath(), "nmirf-export-*").ToHashSet());
    }

    /// <summary>A write-only stream that cannot seek or tell its length, like a network response.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.WriteAsync(buffer, offset, count, cancellationToken);

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
