using System.Text;
using Nmirf.Recommendations.Importing;
using static Nmirf.Recommendations.Tests.Fixtures;

namespace Nmirf.Recommendations.Tests;

public class UhriJsonReaderTests
{
    internal const string TreatyBodyRecord = """
        {
          "AnnotationId": "6f1c2a9e-3b7d-4e21-9a55-0c8e2f4d1a77",
          "AnnotationType": "Recommendations",
          "Body": "CRC",
          "Symbol": "CRC/C/PER/CO/6-7",
          "DocumentId": 345678,
          "Text": "<p>23. The Committee recommends that the State party&nbsp;<strong>strengthen</strong> its birth\n registration system.</p>",
          "PublicationDate": "2023-02-08T00:00:00",
          "PublicationDateOnUhri": "2023-05-01T00:00:00",
          "Countries": ["Peru"],
          "Regions": ["Americas"],
          "Themes": ["F31 Children: definition; general principles; protection", "B31 Equality & non-discrimination"],
          "AffectedPersons": ["children", "girls"],
          "Sdgs": ["16 - Peace, justice and strong institutions", "16.9 - By 2030, provide legal identity for all, including birth registration"],
          "UprCycle": null,
          "UprSession": [],
          "UprPositions": [],
          "UprRecommendingCountry": [],
          "UprRecommendingRegions": [],
          "AddedInALaterExport": { "nested": [1, 2, { "deeper": ["x"] }] }
        }
        """;

    internal const string UprRecord = """
        {
          "AnnotationId": "0b7e5c1d-8a2f-4c3e-b9d6-5f4a3e2d1c0b",
          "AnnotationType": "Recommendations",
          "Body": "UPR",
          "Symbol": "A/HRC/52/15",
          "DocumentId": "987654",
          "Text": "140.7 Ratify the Optional Protocol to the Convention against Torture",
          "PublicationDate": "2023-01-04",
          "Countries": ["Peru"],
          "Themes": ["A12 Acceptance of international norms"],
          "AffectedPersons": [],
          "Sdgs": [],
          "UprCycle": 4,
          "UprSession": ["41"],
          "UprPositions": ["Supported"],
          "UprRecommendingCountry": ["Portugal"],
          "UprRecommendingRegions": ["WEOG"]
        }
        """;

    [Fact]
    public async Task ReadAsync_TreatyBodyRecord_ReadsEveryField()
    {
        var items = await ReadAllAsync(Utf8($"[{TreatyBodyRecord}]"), RecommendationFormat.UhriJson);

        var record = Assert.Single(items.Records());
        Assert.Empty(items.Problems());
        Assert.Equal(1, record.RecordNumber);
        Assert.Equal("6f1c2a9e-3b7d-4e21-9a55-0c8e2f4d1a77", record.AnnotationId);
        Assert.Equal("crc", record.Body);
        Assert.Equal("CRC/C/PER/CO/6-7", record.Symbol);
        Assert.Equal("23", record.Paragraph);
        Assert.Equal("The Committee recommends that the State party strengthen its birth registration system.", record.Text);
        Assert.Equal(new DateOnly(2023, 2, 8), record.PublicationDate);
        Assert.Equal(RecommendationType.Recommendation, record.Type);
        Assert.Equal(["PER"], record.Countries);
        Assert.Equal(["F31 Children: definition; general principles; protection", "B31 Equality & non-discrimination"], record.Themes);
        Assert.Equal(["children", "girls"], record.AffectedPersons);
        Assert.Equal(["16"], record.SdgGoals);
        Assert.Equal(["16.9"], record.SdgTargets);
        Assert.Null(record.UprCycle);
        Assert.Null(record.UprSession);
        Assert.Null(record.Response);
        Assert.Empty(record.RecommendingStates);
    }

    [Fact]
    public async Task ReadAsync_UprRecord_ReadsParagraphPositionSessionAndRecommendingState()
    {
        var items = await ReadAllAsync(Utf8($"[{TreatyBodyRecord},{UprRecord}]"), RecommendationFormat.UhriJson);

        var record = items.Records()[1];
        Assert.Equal(2, record.RecordNumber);
        Assert.Equal("upr", record.Body);
        Assert.Equal("140.7", record.Paragraph);
        Assert.Equal("Ratify the Optional Protocol to the Convention against Torture", record.Text);
        Assert.Equal(new DateOnly(2023, 1, 4), record.PublicationDate);
        Assert.Equal(UprResponse.Supported, record.Response);
        Assert.Equal(["PRT"], record.RecommendingStates);
        Assert.Equal(41, record.UprSession);
        Assert.Equal(4, record.UprCycle);
    }

    [Fact]
    public async Task ReadAsync_ConcernsObservationsWithSupportedAndNotedParts_MapsTypeAndResponse()
    {
        var json = $"[{UprRecord.Replace("\"Recommendations\"", "\"Concerns/Observations\"", StringComparison.Ordinal).Replace("[\"Supported\"]", "[\"Supported\", \"Noted\"]", StringComparison.Ordinal)}]";

        var record = Assert.Single((await ReadAllAsync(Utf8(json), RecommendationFormat.UhriJson)).Records());

        Assert.Equal(RecommendationType.Observation, record.Type);
        Assert.Equal(UprResponse.SupportedInPart, record.Response);
    }

    [Fact]
    public async Task ReadAsync_TruncatedFile_YieldsTheRecordsBeforeTheCutThenAProblemNamingTheRecord()
    {
        var json = $"[{TreatyBodyRecord},{UprRecord},{UprRecord}]";
        var cut = json[..(json.LastIndexOf("Ratify", StringComparison.Ordinal) + 3)];

        var items = await ReadAllAsync(Utf8(cut), RecommendationFormat.UhriJson);

        Assert.Equal(2, items.Records().Count);
        var problem = Assert.Single(items.Problems());
        Assert.Same(problem, items[^1].Problem);
        Assert.Equal(3, problem.RecordNumber);
        Assert.True(problem.StopsReading);
        Assert.Contains("record 3", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("cut off", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_FileCutBetweenRecords_SaysTheClosingBracketIsMissing()
    {
        var items = await ReadAllAsync(Utf8($"[{UprRecord},"), RecommendationFormat.UhriJson);

        Assert.Single(items.Records());
        Assert.True(Assert.Single(items.Problems()).StopsReading);
    }

    [Fact]
    public async Task ReadAsync_MalformedJson_StopsWithTheRecordAndLine()
    {
        var items = await ReadAllAsync(Utf8($"[{UprRecord},\n{{\"Body\": \"CRC\" \"Text\": \"x\"}}]"), RecommendationFormat.UhriJson);

        Assert.Single(items.Records());
        var problem = Assert.Single(items.Problems());
        Assert.Equal(2, problem.RecordNumber);
        Assert.Contains("malformed in record 2", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_WrongTypeInAKnownField_IsAProblemForThatRecordOnly()
    {
        var wrong = UprRecord.Replace("\"Countries\": [\"Peru\"]", "\"Countries\": 12", StringComparison.Ordinal);

        var items = await ReadAllAsync(Utf8($"[{wrong},{TreatyBodyRecord}]"), RecommendationFormat.UhriJson);

        var problem = Assert.Single(items.Problems());
        Assert.Equal(new ReadProblem(1, "Countries", "expected a list of texts, found a number"), problem);
        Assert.Equal(2, Assert.Single(items.Records()).RecordNumber);
    }

    [Fact]
    public async Task ReadAsync_ObjectInAListField_NamesTheElement()
    {
        var wrong = UprRecord.Replace("[\"A12 Acceptance of international norms\"]", "[\"A12\", {\"code\": \"A41\"}]", StringComparison.Ordinal);

        var problem = Assert.Single((await ReadAllAsync(Utf8($"[{wrong}]"), RecommendationFormat.UhriJson)).Problems());

        Assert.Equal("Themes[1]", problem.Field);
        Assert.Equal("expected a text, found an object", problem.Reason);
    }

    [Fact]
    public async Task ReadAsync_MultiMegabyteText_RefusesThatRecordNamingTheFieldAndReadsTheNext()
    {
        var huge = UprRecord.Replace("140.7 Ratify", "140.7 " + new string('x', 3 * 1024 * 1024), StringComparison.Ordinal);

        var items = await ReadAllAsync(Utf8($"[{huge},{TreatyBodyRecord}]"), RecommendationFormat.UhriJson);

        var problem = Assert.Single(items.Problems());
        Assert.Equal(1, problem.RecordNumber);
        Assert.Equal("Text", problem.Field);
        Assert.Matches(@"^is \d{7} bytes long; the limit is 20000 characters$", problem.Reason);
        Assert.False(problem.StopsReading);
        Assert.Equal(2, Assert.Single(items.Records()).RecordNumber);
    }

    [Fact]
    public async Task ReadAsync_TextOverTheLimit_NamesTheLengthAndTheLimit()
    {
        var items = await ReadAllAsync(Utf8($"[{UprRecord}]"), RecommendationFormat.UhriJson, new ReadOptions { MaxTextLength = 20 });

        Assert.Equal(new ReadProblem(1, "Text", "is 62 characters long; the limit is 20"), Assert.Single(items.Problems()));
    }

    [Fact]
    public async Task ReadAsync_UnreadableDate_NamesPublicationDate()
    {
        var json = $"[{UprRecord.Replace("\"2023-01-04\"", "\"next Tuesday\"", StringComparison.Ordinal)}]";

        var problem = Assert.Single((await ReadAllAsync(Utf8(json), RecommendationFormat.UhriJson)).Problems());

        Assert.Equal("PublicationDate", problem.Field);
        Assert.Contains("'next Tuesday' is not a date", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_UnknownBody_IsKeptInLowerCaseForTheValidator()
    {
        var json = $"[{UprRecord.Replace("\"UPR\"", "\"Special Rapporteur on torture\"", StringComparison.Ordinal)}]";

        var record = Assert.Single((await ReadAllAsync(Utf8(json), RecommendationFormat.UhriJson)).Records());

        Assert.Equal("special rapporteur on torture", record.Body);
    }

    [Fact]
    public async Task ReadAsync_TopLevelObject_StopsSayingItIsNotAnArray()
    {
        var problem = Assert.Single(await ReadAllAsync(Utf8(UprRecord), RecommendationFormat.UhriJson)).Problem!;

        Assert.Equal(0, problem.RecordNumber);
        Assert.True(problem.StopsReading);
        Assert.Contains("not a JSON array", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_EmptyArray_YieldsNothing()
    {
        Assert.Empty(await ReadAllAsync(Utf8(" [ ] \n"), RecommendationFormat.UhriJson));
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8InsideAText_StopsSayingTheFileIsNotUtf8()
    {
        var before = Utf8($"[{UprRecord},{{\"Body\": \"CRC\", \"Text\": \"caf");
        byte[] bytes = [.. before, 0xE9, .. Utf8("\"}]")];
        // Past the first 4 KB, which are checked up front, so the reader itself meets the bad byte.
        bytes = [.. Utf8("[" + new string(' ', 5000)), .. bytes.AsSpan(1)];

        var items = await ReadAllAsync(bytes, RecommendationFormat.UhriJson);

        Assert.Single(items.Records());
        var problem = Assert.Single(items.Problems());
        Assert.True(problem.StopsReading);
        Assert.Contains("not valid UTF-8 near record 2", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Utf16BigEndianWithBom_IsDecoded()
    {
        var bytes = new UnicodeEncoding(bigEndian: true, byteOrderMark: true).GetPreamble()
            .Concat(Encoding.BigEndianUnicode.GetBytes($"[{UprRecord}]")).ToArray();

        var record = Assert.Single((await ReadAllAsync(bytes, RecommendationFormat.UhriJson)).Records());

        Assert.Equal("140.7", record.Paragraph);
    }
}
