using System.Buffers;
using System.Text;
using Nmirf.Recommendations.Contracts;

namespace Nmirf.Recommendations.Export;

/// <summary>
/// Writes a list of recommendations as CSV or as an .xlsx workbook, one row at a time as the rows arrive, so the memory
/// used does not depend on how many rows there are. Both formats have the same columns, headed by readable names:
/// multi-valued fields are joined with "; ", dates are yyyy-MM-dd, enum values are in kebab-case.
/// </summary>
public static class RecommendationExport
{
    /// <summary>The name of the worksheet an .xlsx export holds.</summary>
    public const string WorksheetName = XlsxSheetWriter.SheetName;

    private static readonly byte[] Utf8Preamble = Encoding.UTF8.GetPreamble();

    private static readonly UTF8Encoding Utf8WithoutPreamble = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Characters that make a CSV field need quotes (RFC 4180, section 2).</summary>
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    /// <summary>
    /// Writes <paramref name="rows"/> to <paramref name="destination"/> as RFC 4180 CSV: UTF-8 with a byte order mark (so
    /// spreadsheet programs read accented text right), CRLF line endings, a header row. A cell that a spreadsheet program
    /// would take for a formula (starting with =, +, -, @, a tab or a carriage return) is prefixed with a single quote.
    /// The destination is left open.
    /// </summary>
    public static async Task WriteCsvAsync(Stream destination, IAsyncEnumerable<RecommendationView> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(rows);

        await destination.WriteAsync(Utf8Preamble, ct).ConfigureAwait(false);
        var writer = new StreamWriter(destination, Utf8WithoutPreamble, bufferSize: 16 * 1024, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            var columns = ExportColumns.All;
            var line = new StringBuilder(1024);
            for (var i = 0; i < columns.Count; i++)
            {
                AppendField(line, columns[i].Header, first: i == 0);
            }

            line.Append("\r\n");
            await writer.WriteAsync(line, ct).ConfigureAwait(false);

            await foreach (var row in rows.WithCancellation(ct).ConfigureAwait(false))
            {
                ct.ThrowIfCancellationRequested();
                line.Clear();
                for (var i = 0; i < columns.Count; i++)
                {
                    AppendField(line, Neutralize(columns[i].Value(row).ToText()), first: i == 0);
                }

                line.Append("\r\n");
                await writer.WriteAsync(line, ct).ConfigureAwait(false);
            }

            await writer.FlushAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes <paramref name="rows"/> to <paramref name="destination"/> as an .xlsx workbook with one worksheet,
    /// <see cref="WorksheetName"/>: a bold header row frozen at the top, text as inline strings, numbers as numbers,
    /// dates as dates; an inline string is never evaluated, so text that starts like a formula is kept as it is, without
    /// the quote CSV adds. The worksheet is written SAX-style, one row at a time. A package is written in place only to an
    /// empty seekable stream; any other destination (a network response, say) receives a copy of a temporary file,
    /// which is deleted afterwards. The destination is left open.
    /// </summary>
    public static async Task WriteXlsxAsync(Stream destination, IAsyncEnumerable<RecommendationView> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(rows);

        if (destination.CanSeek && destination.Length == 0 && destination.Position == 0)
        {
            await XlsxSheetWriter.WriteAsync(destination, rows, ct).ConfigureAwait(false);
            return;
        }

        var temporary = new FileStream(Path.Combine(Path.GetTempPath(), $"nmirf-export-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await using (temporary.ConfigureAwait(false))
        {
            await XlsxSheetWriter.WriteAsync(temporary, rows, ct).ConfigureAwait(false);
            temporary.Position = 0;
            await temporary.CopyToAsync(destination, ct).ConfigureAwait(false);
            await destination.FlushAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// <paramref name="value"/> with a single quote before it when it starts like a formula, so that a spreadsheet
    /// program shows it as text instead of evaluating it (CSV injection).
    /// </summary>
    internal static string Neutralize(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private static void AppendField(StringBuilder line, string value, bool first)
    {
        if (!first)
        {
            line.Append(',');
        }

        if (!value.AsSpan().ContainsAny(NeedsQuotes))
        {
            line.Append(value);
            return;
        }

        line.Append('"');
        foreach (var c in value)
        {
            if (c == '"')
            {
                line.Append('"');
            }

            line.Append(c);
        }

        line.Append('"');
    }
}
