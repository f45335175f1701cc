using System.IO.Compression;
using Nmirf.Recommendations.Importing;
using static Nmirf.Recommendations.Tests.Fixtures;

namespace Nmirf.Recommendations.Tests;

public class UhriSpreadsheetReaderTests
{
    private static readonly string[] Header =
    [
        "Text", "Countries Concerned", "Reccomending Body", "Document Symbol", "Themes", "Affected Persons", "Sdgs",
        "Document Publication Date", "UPR Reccomending States", "UPR Position", "Type", "OHCHR Annotation Id", "UPR Session",
        "Regions Concerned", "Recommending Regions", "Date of publication on UHRI",
    ];

    private static object?[] TreatyBodyRow() =>
    [
        "12. The Committee urges the State party to adopt a comprehensive law on <i>child</i> protection.",
        "- Peru\n- Bolivia (Plurinational State of)",
        "- CRC",
        "CRC/C/PER/CO/6-7",
        "- F31 Children: definition; general principles; protection\n- A41 Constitutional and legislative framework",
        "- children\n- girls",
        "- 16 - Peace, justice and strong institutions\n- 16.2 - End abuse, exploitation, trafficking and all forms of violence against children",
        44965d,
        null,
        null,
        "Recommendations",
        "4a1d2c3b-0000-4e5f-8a9b-1c2d3e4f5a6b",
        null,
        "- Americas",
        null,
        45017d,
    ];

    private static object?[] UprRow() =>
    [
        "140.7 Ratify the Optional Protocol to the Convention against Torture",
        "- Peru",
        "- UPR",
        "A/HRC/52/15",
        "- A12 Acceptance of international norms",
        null,
        null,
        44930d,
        "- Portugal\n- Republic of Korea",
        "- Supported",
        "Recommendations",
        "9e8d7c6b-1111-4a2b-9c3d-4e5f6a7b8c9d",
        "41",
        "- Americas",
        "- WEOG\n- Asia-Pacific",
        45017d,
    ];

    [Fact]
    public async Task ReadAsync_UhriXlsx_ReadsEveryFieldWithTheExportQuirks()
    {
        var bytes = Xlsx([Header, TreatyBodyRow(), UprRow()]);

        var items = await ReadAllAsync(bytes, RecommendationFormat.UhriXlsx);

        Assert.Empty(items.Problems());
        var (treaty, upr) = (items.Records()[0], items.Records()[1]);
        Assert.Equal(2, treaty.RecordNumber);
        Assert.Equal("crc", treaty.Body);
        Assert.Equal("CRC/C/PER/CO/6-7", treaty.Symbol);
        Assert.Equal("12", treaty.Paragraph);
        Assert.Equal("The Committee urges the State party to adopt a comprehensive law on child protection.", treaty.Text);
        Assert.Equal(["PER", "BOL"], treaty.Countries);
        Assert.Equal(["F31 Children: definition; general principles; protection", "A41 Constitutional and legislative framework"], treaty.Themes);
        Assert.Equal(["children", "girls"], treaty.AffectedPersons);
        Assert.Equal(["16"], treaty.SdgGoals);
        Assert.Equal(["16.2"], treaty.SdgTargets);
        Assert.Equal(new DateOnly(2023, 2, 8), treaty.PublicationDate);
        Assert.Equal(RecommendationType.Recommendation, treaty.Type);
        Assert.Equal("4a1d2c3b-0000-4e5f-8a9b-1c2d3e4f5a6b", treaty.AnnotationId);

        Assert.Equal(3, upr.RecordNumber);
        Assert.Equal("upr", upr.Body);
        Assert.Equal("140.7", upr.Paragraph);
        Assert.Equal(new DateOnly(2023, 1, 4), upr.PublicationDate);
        Assert.Equal(["PRT", "KOR"], upr.RecommendingStates);
        Assert.Equal(UprResponse.Supported, upr.Response);
        Assert.Equal(41, upr.UprSession);
        Assert.Equal(4, upr.UprCycle);
    }

    [Fact]
    public async Task ReadAsync_UhriXlsxWithInlineStringsFromANonSeekableStream_ReadsTheSameRecords()
    {
        var shared = await ReadAllAsync(Xlsx([Header, TreatyBodyRow(), UprRow()]), RecommendationFormat.UhriXlsx);
        var stream = new CountingStream(new MemoryStream(Xlsx([Header, TreatyBodyRow(), UprRow()], inline: true)));

        var inline = await ReadAllAsync(stream, RecommendationFormat.UhriXlsx);

        Assert.Equal(shared.Records().Select(r => r.Text), inline.Records().Select(r => r.Text));
        Assert.Equal(shared.Records().Select(r => r.AnnotationId), inline.Records().Select(r => r.AnnotationId));
        Assert.Equal(["PER", "BOL"], inline.Records()[0].Countries);
    }

    [Fact]
    public async Task ReadAsync_UhriXlsxThatIsCsv_IsOneClearProblem()
    {
        var items = await ReadAllAsync(Utf8("Text,Document Symbol\n1. x,CRC/C/PER/CO/6-7\n"), RecommendationFormat.UhriXlsx);

        var problem = Assert.Single(items).Problem!;
        Assert.True(problem.StopsReading);
        Assert.Equal(0, problem.RecordNumber);
        Assert.Equal("the file is not an .xlsx spreadsheet: it is text, such as CSV", problem.Reason);
    }

    [Fact]
    public async Task ReadAsync_UhriXlsxThatIsAZipWithoutAWorkbook_IsOneClearProblem()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("notes.txt").Open());
            writer.Write("not a workbook");
        }

        var problem = Assert.Single(await ReadAllAsync(memory.ToArray(), RecommendationFormat.UhriXlsx)).Problem!;

        Assert.True(problem.StopsReading);
        Assert.StartsWith("the file is a zip package", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_UhriXlsxWithMissingColumns_OneFileProblemListingThem()
    {
        var problem = Assert.Single(await ReadAllAsync(Xlsx([["Text", "Themes"], ["1. x", "- A12"]]), RecommendationFormat.UhriXlsx)).Problem!;

        Assert.True(problem.StopsReading);
        Assert.StartsWith("missing columns: Reccomending Body, Document Symbol; the first row (row 1) has: Text, Themes", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_UhriXlsxWithAMatrixHeader_ReadsItAsAMatrix()
    {
        var bytes = Xlsx([
            ["Recommendation & recommending State", "Position", "Full list of themes and groups of persons", "SDGs", "Source of position"],
            ["140.7 Ratify the Optional Protocol to the Convention against Torture (Portugal);", "Supported", "A12 Acceptance of international norms", "16.3", "A/HRC/59/15/Add.1 - Para.3"],
        ]);

        var record = Assert.Single((await ReadAllAsync(bytes, RecommendationFormat.UhriXlsx)).Records());

        Assert.Equal("upr", record.Body);
        Assert.Equal(["PRT"], record.RecommendingStates);
        Assert.Equal("A/HRC/59/15/Add.1 - Para.3", record.SourceOfPosition);
    }

    [Fact]
    public async Task ReadAsync_UhriXlsxWithAMultiMegabyteCell_RefusesThatRecordNamingTheColumn()
    {
        var huge = TreatyBodyRow();
        huge[0] = "12. " + new string('x', 3 * 1024 * 1024);

        var items = await ReadAllAsync(Xlsx([Header, huge, UprRow()]), RecommendationFormat.UhriXlsx);

        var problem = Assert.Single(items.Problems());
        Assert.Equal(2, problem.RecordNumber);
        Assert.Equal("Text", problem.Field);
        Assert.Equal($"is {(3 * 1024 * 1024) + 4} characters long; the limit is 20000", problem.Reason);
        Assert.Equal(3, Assert.Single(items.Records()).RecordNumber);
    }

    [Fact]
    public void SharedStrings_LargerThanTheMemoryBudget_AreKeptOnDiskAndReadBack()
    {
        var rows = Enumerable.Range(0, 500).Select(i => new object?[] { $"{i}. The Committee recommends measure {i}" }).ToList();
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(Xlsx(rows)), false);

        using var strings = SharedStrings.Load(document.WorkbookPart!.SharedStringTablePart, maxChars: 100, memoryBudget: 1000);

        Assert.Equal(500, strings.Count);
        Assert.Equal("0. The Committee recommends measure 0", strings[0]!.Value.Text);
        Assert.Equal("499. The Committee recommends measure 499", strings[499]!.Value.Text);
        Assert.Null(strings[500]);
    }

    private static string Csv(params object?[][] rows) =>
        string.Join("\r\n", rows.Select(row => string.Join(",", row.Select(cell => cell switch
        {
            null => "",
            double number => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => "\"" + cell.ToString()!.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
        })))) + "\r\n";

    [Fact]
    public async Task ReadAsync_UhriCsv_ReadsQuotedMultiLineCellsAndSerialDates()
    {
        var items = await ReadAllAsync(Utf8(Csv(Header, TreatyBodyRow(), UprRow())), RecommendationFormat.UhriCsv);

        Assert.Empty(items.Problems());
        var treaty = items.Records()[0];
        Assert.Equal(2, treaty.RecordNumber);
        Assert.Equal(["PER", "BOL"], treaty.Countries);
        Assert.Equal(new DateOnly(2023, 2, 8), treaty.PublicationDate);
        Assert.Equal("12", treaty.Paragraph);
        Assert.Equal(["PRT", "KOR"], items.Records()[1].RecommendingStates);
        Assert.Equal(3, items.Records()[1].RecordNumber);
    }

    [Theory]
    [InlineData("2023-02-08")]
    [InlineData("08/02/2023")]
    [InlineData("2023-02-08T00:00:00")]
    [InlineData("44965")]
    public async Task ReadAsync_UhriCsvDates_AcceptsSerialIsoAndDayMonthYear(string date)
    {
        var row = TreatyBodyRow();
        row[7] = date;

        var record = Assert.Single((await ReadAllAsync(Utf8(Csv(Header, row)), RecommendationFormat.UhriCsv)).Records());

        Assert.Equal(new DateOnly(2023, 2, 8), record.PublicationDate);
    }

    [Theory]
    [InlineData("Feb 8th 2023")]
    [InlineData("31/02/2023")]
    [InlineData("12")]
    public async Task ReadAsync_UhriCsvUnreadableDate_NamesTheColumn(string date)
    {
        var row = TreatyBodyRow();
        row[7] = date;

        var problem = Assert.Single((await ReadAllAsync(Utf8(Csv(Header, row)), RecommendationFormat.UhriCsv)).Problems());

        Assert.Equal(2, problem.RecordNumber);
        Assert.Equal("Document Publication Date", problem.Field);
        Assert.False(problem.StopsReading);
    }

    [Fact]
    public async Task ReadAsync_UhriCsvWithTheCorrectSpellingAndExtraColumns_ReadsThem()
    {
        var csv = Csv(
            ["Notes", "Document Symbol", "Recommending Body", "Text", "Internal reference"],
            ["keep", "CAT/C/PER/CO/7", "- CAT", "9. The Committee recommends that the State party investigate all allegations.", "X-1"]);

        var record = Assert.Single((await ReadAllAsync(Utf8(csv), RecommendationFormat.UhriCsv)).Records());

        Assert.Equal("cat", record.Body);
        Assert.Equal("CAT/C/PER/CO/7", record.Symbol);
        Assert.Equal("9", record.Paragraph);
    }

    [Fact]
    public async Task ReadAsync_UhriCsvWithMissingColumns_OneFileProblemListingThem()
    {
        var items = await ReadAllAsync(Utf8("Text,Themes\r\n\"1. x\",A12\r\n"), RecommendationFormat.UhriCsv);

        var problem = Assert.Single(items).Problem!;
        Assert.True(problem.StopsReading);
        Assert.Equal(0, problem.RecordNumber);
        Assert.StartsWith("missing columns: Reccomending Body, Document Symbol;", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_UhriCsvGivenAUprInfoFile_SaysWhichFormatItLooksLike()
    {
        var problem = Assert.Single(await ReadAllAsync(Utf8("To,Text,From\rPeru,Ratify,Chile\r"), RecommendationFormat.UhriCsv)).Problem!;

        Assert.EndsWith("It looks like a UPR Info export: read it with the format UprInfo", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_UhriCsvSavedWithSemicolons_DetectsTheSeparator()
    {
        var csv = "Text;Reccomending Body;Document Symbol\r\n\"4. The Committee recommends; in particular, that\";CRC;CRC/C/PER/CO/6-7\r\n";

        var record = Assert.Single((await ReadAllAsync(Utf8(csv), RecommendationFormat.UhriCsv)).Records());

        Assert.Equal("The Committee recommends; in particular, that", record.Text);
    }

    [Fact]
    public async Task ReadAsync_UhriCsvWithAMultiMegabyteField_RefusesThatRecordAndReadsTheNext()
    {
        var huge = TreatyBodyRow();
        huge[0] = "12. " + new string('x', 3 * 1024 * 1024);

        var items = await ReadAllAsync(Utf8(Csv(Header, huge, UprRow())), RecommendationFormat.UhriCsv);

        var problem = Assert.Single(items.Problems());
        Assert.Equal((2, "Text"), (problem.RecordNumber, problem.Field));
        Assert.Equal($"is {(3 * 1024 * 1024) + 4} characters long; the limit is 20000", problem.Reason);
        Assert.Equal(3, Assert.Single(items.Records()).RecordNumber);
    }

    [Fact]
    public async Task ReadAsync_UhriCsvWithSeveralBodiesInOneCell_NamesTheColumn()
    {
        var row = TreatyBodyRow();
        row[2] = "- CRC\n- CAT";

        var problem = Assert.Single((await ReadAllAsync(Utf8(Csv(Header, row)), RecommendationFormat.UhriCsv)).Problems());

        Assert.Equal("Reccomending Body", problem.Field);
        Assert.Equal("holds several values (CRC, CAT); expected one", problem.Reason);
    }
}
