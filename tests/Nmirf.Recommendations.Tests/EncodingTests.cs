using System.Text;
using Nmirf.Recommendations.Importing;
using static Nmirf.Recommendations.Tests.Fixtures;

namespace Nmirf.Recommendations.Tests;

public class EncodingTests
{
    private const string Csv = "Text,Reccomending Body,Document Symbol,Countries Concerned\r\n\"7. The Committee recommends that the State party protect Afro-Peruvian communities.\",CERD,CERD/C/PER/CO/22-23,Côte d'Ivoire\r\n";

    [Fact]
    public async Task ReadAsync_Utf8WithBom_ReadsLikeWithout()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Utf8(Csv)];

        var record = Assert.Single((await ReadAllAsync(bytes, RecommendationFormat.UhriCsv)).Records());

        Assert.Equal("cerd", record.Body);
        Assert.Equal(["CIV"], record.Countries);
    }

    [Fact]
    public async Task ReadAsync_Utf16LittleEndianWithBom_IsDecoded()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Csv)).ToArray();

        var record = Assert.Single((await ReadAllAsync(bytes, RecommendationFormat.UhriCsv)).Records());

        Assert.Equal("The Committee recommends that the State party protect Afro-Peruvian communities.", record.Text);
        Assert.Equal(["CIV"], record.Countries);
    }

    [Theory]
    [InlineData(RecommendationFormat.UhriCsv)]
    [InlineData(RecommendationFormat.UhriJson)]
    [InlineData(RecommendationFormat.ConcludingObservationsText)]
    public async Task ReadAsync_Utf16WithoutBom_IsRefused(RecommendationFormat format)
    {
        var bytes = Encoding.Unicode.GetBytes(format == RecommendationFormat.UhriJson ? "[{\"Body\": \"CRC\"}]" : Csv);

        var problem = Assert.Single(await ReadAllAsync(bytes, format, new ReadOptions { Symbol = "CERD/C/PER/CO/22-23" })).Problem!;

        Assert.True(problem.StopsReading);
        Assert.Equal(0, problem.RecordNumber);
        Assert.StartsWith("the file looks like UTF-16 text without a byte-order mark", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Windows1252Text_IsRefusedAsNotUtf8()
    {
        var bytes = Encoding.Latin1.GetBytes(Csv);

        var problem = Assert.Single(await ReadAllAsync(bytes, RecommendationFormat.UhriCsv)).Problem!;

        Assert.Equal(InputText.NotUtf8, problem.Reason);
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8AfterTheFirstBytes_StopsAtTheRecordWhereItHappens()
    {
        var rows = string.Concat(Enumerable.Range(1, 80).Select(i => $"\"{i}. The Committee recommends measure number {i}.\",CERD,CERD/C/PER/CO/22-23,Peru\r\n"));
        byte[] bytes = [.. Utf8("Text,Reccomending Body,Document Symbol,Countries Concerned\r\n" + rows), .. Encoding.Latin1.GetBytes(Csv.Split("\r\n")[1])];

        var items = await ReadAllAsync(bytes, RecommendationFormat.UhriCsv);

        var problem = Assert.Single(items.Problems());
        Assert.True(problem.StopsReading);
        Assert.Contains("not valid UTF-8", problem.Reason, StringComparison.Ordinal);
        Assert.True(items.Records().Count >= 1, "the records before the bad bytes are read");
    }
}
