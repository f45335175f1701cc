using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;

namespace Nmirf.Recommendations.Importing;

/// <summary>
/// The rows of a CSV file, read with CsvHelper: quoted cells over several lines, CR, LF or CRLF line endings, and the
/// separator detected (Excel writes semicolons in some locales). One record is buffered at a time.
/// </summary>
internal static class CsvRows
{
    /// <summary>The largest record buffered; beyond it the file is refused (an unclosed quote would otherwise swallow the file).</summary>
    internal const int MaxRecordBytes = 64 * 1024 * 1024;

    public static async IAsyncEnumerable<SheetStep> ReadAsync(Stream input, int maxCellChars, [EnumeratorCancellation] CancellationToken ct)
    {
        var opened = await InputText.OpenAsync(input, ct).ConfigureAwait(false);
        if (opened.Problem is not null)
        {
            yield return new SheetStep(null, opened.Problem);
            yield break;
        }

        using var text = InputText.Reader(opened.Content!, opened.Encoding!);
        var options = CsvReaderOptions.Default with { HasHeader = false, SkipEmptyLines = false, MaxRecordSize = MaxRecordBytes };
        var csv = CsvReader.Create(text, options, leaveOpen: true);
        await using (csv.ConfigureAwait(false))
        {
            var number = 0;
            while (true)
            {
                var problem = await TryReadAsync(csv, opened.Encoding!, number + 1, ct).ConfigureAwait(false);
                if (problem is not null)
                {
                    if (problem.Length > 0)
                    {
                        yield return new SheetStep(null, problem);
                    }

                    yield break;
                }

                number++;
                var cells = new SheetCell[csv.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = Cell(csv, i, maxCellChars);
                }

                yield return new SheetStep(new SheetRow(number, cells), null);
            }
        }
    }

    /// <summary>Moves to the next record: null when there is one, empty at the end, else the reason reading stops.</summary>
    private static async ValueTask<string?> TryReadAsync(CsvReader csv, Encoding encoding, int number, CancellationToken ct)
    {
        try
        {
            return await csv.ReadAsync(ct).ConfigureAwait(false) ? null : "";
        }
        catch (DecoderFallbackException)
        {
            return InputText.DecodingFailed(encoding, number);
        }
        catch (CsvFormatException exception)
        {
            return $"the CSV cannot be read from row {number} on: {exception.Message}";
        }
    }

    private static SheetCell Cell(CsvReader csv, int index, int maxCellChars)
    {
        var bytes = csv.GetSpan(index);
        if (bytes.Length > maxCellChars)
        {
            // Measured without making a string of it: a UTF-8 byte is at most one character.
            var chars = Encoding.UTF8.GetCharCount(bytes);
            if (chars > maxCellChars)
            {
                return new SheetCell(null, chars);
            }
        }

        return new SheetCell(csv.GetString(index));
    }
}
