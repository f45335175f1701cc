using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Nmirf.Recommendations.Importing;

namespace Nmirf.Recommendations.Tests;

/// <summary>Builds the files the tests read, and reads them.</summary>
internal static class Fixtures
{
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static async Task<List<ReadItem>> ReadAllAsync(byte[] bytes, RecommendationFormat format, ReadOptions? options = null) =>
        await ReadAllAsync(new MemoryStream(bytes), format, options);

    public static async Task<List<ReadItem>> ReadAllAsync(Stream stream, RecommendationFormat format, ReadOptions? options = null)
    {
        var items = new List<ReadItem>();
        await foreach (var item in RecommendationReaders.ReadAsync(stream, format, options ?? ReadOptions.Default, CancellationToken.None))
        {
            items.Add(item);
        }

        return items;
    }

    public static List<RecommendationRecord> Records(this IEnumerable<ReadItem> items) => items.Where(i => i.Record is not null).Select(i => i.Record!).ToList();

    public static List<ReadProblem> Problems(this IEnumerable<ReadItem> items) => items.Where(i => i.Problem is not null).Select(i => i.Problem!).ToList();

    /// <summary>
    /// A workbook with one worksheet holding <paramref name="rows"/>: strings go to the shared strings table (or inline,
    /// when <paramref name="inline"/>), numbers are number cells, nulls leave the cell out.
    /// </summary>
    public static byte[] Xlsx(IEnumerable<object?[]> rows, bool inline = false)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = new List<string>();
            var sheetData = new SheetData();
            var rowIndex = 0u;
            foreach (var values in rows)
            {
                rowIndex++;
                var row = new Row { RowIndex = rowIndex };
                for (var column = 0; column < values.Length; column++)
                {
                    var reference = $"{(char)('A' + column)}{rowIndex}";
                    switch (values[column])
                    {
                        case null:
                            break;
                        case string text when inline:
                            row.Append(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }) });
                            break;
                        case string text:
                            strings.Add(text);
                            row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue((strings.Count - 1).ToString(CultureInfo.InvariantCulture)) });
                            break;
                        case IConvertible number:
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToDouble(number, CultureInfo.InvariantCulture)) });
                            break;
                    }
                }

                sheetData.Append(row);
            }

            if (strings.Count > 0)
            {
                var table = workbook.AddNewPart<SharedStringTablePart>();
                table.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })));
            }

            var worksheet = workbook.AddNewPart<WorksheetPart>();
            worksheet.Worksheet = new Worksheet(sheetData);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = "Export" }));
        }

        return memory.ToArray();
    }
}

/// <summary>A read-only, forward-only view of a stream that counts the bytes read through it.</summary>
internal sealed class CountingStream(Stream inner) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        BytesRead += read;
        return read;
    }
}
