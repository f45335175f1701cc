using Nmirf.Recommendations.Importing;
using static Nmirf.Recommendations.Tests.Fixtures;

namespace Nmirf.Recommendations.Tests;

public class RecordValidatorTests
{
    private static readonly HashSet<string> Known = ["crc", "cat", "upr"];

    private static RecommendationRecord Record(int number = 1, string body = "crc", string text = "The Committee recommends ...", string? id = null, string? paragraph = "23") => new()
    {
        RecordNumber = number,
        Body = body,
        Text = text,
        AnnotationId = id,
        Symbol = "CRC/C/PER/CO/6-7",
        Paragraph = paragraph,
    };

    [Fact]
    public void Check_ValidRecord_HasNoProblems()
    {
        Assert.Empty(new RecordValidator(Known).Check(Record()));
    }

    [Fact]
    public void Check_UnknownBody_NamesItAndListsTheKnownBodies()
    {
        var problem = Assert.Single(new RecordValidator(Known).Check(Record(body: "spt")));

        Assert.Equal(new ReadProblem(1, "Body", "'spt' is not a known body; known bodies: cat, crc, upr"), problem);
    }

    [Fact]
    public void Check_MissingText_IsAProblem()
    {
        Assert.Equal("Text", Assert.Single(new RecordValidator(Known).Check(Record(text: " "))).Field);
    }

    [Fact]
    public void Check_TextAndFieldOverTheLimits_AreProblems()
    {
        var record = Record(text: new string('x', 31)) with { Themes = ["short", new string('t', 21)] };

        var problems = new RecordValidator(Known, new ReadOptions { MaxTextLength = 30, MaxFieldLength = 20 }).Check(record);

        Assert.Equal(["Text", "Themes[1]"], problems.Select(p => p.Field));
        Assert.Equal("is 31 characters long; the limit is 30", problems[0].Reason);
    }

    [Fact]
    public void Check_SameAnnotationIdTwiceInOneFile_FlagsTheSecond()
    {
        var validator = new RecordValidator(Known);

        Assert.Empty(validator.Check(Record(1, id: "6F1C2A9E-3B7D-4E21-9A55-0C8E2F4D1A77")));
        var problem = Assert.Single(validator.Check(Record(2, id: "6f1c2a9e-3b7d-4e21-9a55-0c8e2f4d1a77", paragraph: "24")));

        Assert.Equal(2, problem.RecordNumber);
        Assert.Equal("AnnotationId", problem.Field);
        Assert.Contains("record 1", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SameSymbolAndParagraphWithoutAnnotationId_FlagsTheSecond()
    {
        var validator = new RecordValidator(Known);

        Assert.Empty(validator.Check(Record(1)));
        Assert.Equal("Paragraph", Assert.Single(validator.Check(Record(2))).Field);
        Assert.Empty(validator.Check(Record(3, paragraph: "23(a)")));
    }

    [Fact]
    public void Check_ANewValidatorForTheNextFile_ForgetsTheIds()
    {
        new RecordValidator(Known).Check(Record(1, id: "a"));

        Assert.Empty(new RecordValidator(Known).Check(Record(1, id: "a")));
    }

    [Fact]
    public async Task Check_RecordsReadFromAFileWithADuplicateIdAndAnUnknownBody_ReportsBoth()
    {
        var spt = UhriJsonReaderTests.UprRecord.Replace("\"UPR\"", "\"SPT\"", StringComparison.Ordinal).Replace("0b7e5c1d", "1c8f6d2e", StringComparison.Ordinal);
        var json = $"[{UhriJsonReaderTests.UprRecord},{UhriJsonReaderTests.UprRecord},{spt}]";
        var validator = new RecordValidator(Known);

        var problems = (await ReadAllAsync(Utf8(json), RecommendationFormat.UhriJson)).Records().SelectMany(validator.Check).ToList();

        Assert.Equal([(2, "AnnotationId"), (3, "Body")], problems.Select(p => (p.RecordNumber, p.Field)));
    }

    [Fact]
    public void ToError_CarriesTheFieldAndTheRecord()
    {
        var error = new ReadProblem(12, "Text", "is required").ToError();

        Assert.Equal("Text", error.Field);
        Assert.Equal("record 12: is required", error.Message);
        Assert.Equal("record 12, Text: is required", new ReadProblem(12, "Text", "is required").ToString());
    }
}
