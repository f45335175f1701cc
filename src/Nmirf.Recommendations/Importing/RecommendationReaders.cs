namespace Nmirf.Recommendations.Importing;

/// <summary>Reads the recommendations of a file in any of the <see cref="RecommendationFormat"/>s, one record at a time.</summary>
public static class RecommendationReaders
{
    /// <summary>
    /// The records of <paramref name="stream"/>, each a record or a problem with that record, in file order. A problem
    /// with <see cref="ReadProblem.StopsReading"/> (the file is not in the format, is cut off, is not UTF-8, lacks
    /// required columns) ends the sequence. The stream is left open. Text formats are read forward once; an .xlsx needs
    /// random access, and is copied to a temporary file when the stream cannot seek. Memory stays flat whatever the size
    /// of the file.
    /// </summary>
    public static IAsyncEnumerable<ReadItem> ReadAsync(Stream stream, RecommendationFormat format, ReadOptions options, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTextLength, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxFieldLength, 1, nameof(options));
        return Read(stream, format, options, ct);
    }

    private static IAsyncEnumerable<ReadItem> Read(Stream stream, RecommendationFormat format, ReadOptions options, CancellationToken ct) => format switch
    {
        RecommendationFormat.UhriJson => UhriJsonReader.ReadAsync(stream, options, ct),
        RecommendationFormat.UhriXlsx or RecommendationFormat.UhriCsv or RecommendationFormat.UprInfo or RecommendationFormat.UprMatrix =>
            TableReader.ReadAsync(stream, format, options, ct),
        RecommendationFormat.ConcludingObservationsText => ConcludingObservationsReader.ReadAsync(stream, options, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a recommendation format"),
    };
}
