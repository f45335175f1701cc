using Nmirf.Recommendations.Importing;

namespace Nmirf.Recommendations.Tests;

public class StreamingTests
{
    private const int Count = 20_000;

    private static async Task<byte[]> GenerateAsync(int count, int seed = UhriGenerator.DefaultSeed)
    {
        using var memory = new MemoryStream();
        await UhriGenerator.WriteAsync(memory, count, seed);
        return memory.ToArray();
    }

    [Fact]
    public async Task ReadAsync_TwentyThousandGeneratedRecords_YieldsTheFirstBeforeReadingMostOfTheFile()
    {
        var bytes = await GenerateAsync(Count);
        var stream = new CountingStream(new MemoryStream(bytes));

        var records = 0;
        long readAtFirstRecord = 0;
        await foreach (var item in RecommendationReaders.ReadAsync(stream, RecommendationFormat.UhriJson, ReadOptions.Default, CancellationToken.None))
        {
            Assert.Null(item.Problem);
            if (records++ == 0)
            {
                readAtFirstRecord = stream.BytesRead;
            }
        }

        Assert.Equal(Count, records);
        Assert.Equal(bytes.Length, stream.BytesRead);
        Assert.True(readAtFirstRecord < bytes.Length / 50, $"{readAtFirstRecord} of {bytes.Length} bytes were read before the first record");
    }

    [Fact]
    public async Task UhriGenerator_SameSeed_WritesTheSameBytes()
    {
        Assert.Equal(await GenerateAsync(50), await GenerateAsync(50));
        Assert.NotEqual(await GenerateAsync(50), await GenerateAsync(50, seed: 7));
    }

    [Fact]
    public async Task UhriGenerator_Records_MixTreatyBodiesAndUprAndPassTheValidator()
    {
        var validator = new RecordValidator(new HashSet<string> { "crc", "cescr", "ccpr", "cerd", "cedaw", "cat", "crpd", "cmw", "ced", "upr" });
        var records = new List<RecommendationRecord>();
        await foreach (var item in RecommendationReaders.ReadAsync(new MemoryStream(await GenerateAsync(300)), RecommendationFormat.UhriJson, ReadOptions.Default, CancellationToken.None))
        {
            records.Add(item.Record!);
        }

        Assert.Empty(records.SelectMany(validator.Check));
        Assert.Contains(records, r => r.Body == "upr" && r.Response is not null && r.RecommendingStates.Count == 1);
        Assert.Contains(records, r => r.Body != "upr" && r.Type == RecommendationType.Observation);
        Assert.All(records, r => Assert.NotNull(r.Paragraph));
        Assert.All(records, r => Assert.DoesNotContain("<p>", r.Text, StringComparison.Ordinal));
    }
}
