using System.Text;
using System.Text.RegularExpressions;
using Nmirf.BuildingBlocks.Errors;

namespace Nmirf.Recommendations.Importing;

/// <summary>Tells the format of a file from its name and first bytes, for <c>--format auto</c>.</summary>
public static partial class RecommendationFormats
{
    /// <summary>How many bytes from the start of the file <see cref="Detect"/> should be given to see a header row.</summary>
    public const int HeadLength = InputText.HeadLength;

    private static readonly char[] Separators = [',', ';', '\t', '|'];

    private static readonly string[] Candidates = ["uhri-json", "uhri-xlsx", "uhri-csv", "upr-info", "upr-matrix", "concluding-observations-text"];

    [GeneratedRegex(@"^\s*\d{1,3}\s?\.\s*[^\d\s]", RegexOptions.Multiline)]
    private static partial Regex NumberedParagraph();

    /// <summary>
    /// The format of a file named <paramref name="fileName"/> that starts with <paramref name="head"/> (give it the first
    /// <see cref="HeadLength"/> bytes, or the whole file when shorter). A CSV is told by its header row. An .xlsx is
    /// reported as <see cref="RecommendationFormat.UhriXlsx"/>: its first bytes are compressed, and the reader tells a UHRI
    /// export from a UPR matrix by the header row. An error says why the format cannot be told.
    /// </summary>
    public static Result<RecommendationFormat> Detect(string fileName, ReadOnlySpan<byte> head)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (XlsxRows.IsZip(head))
        {
            return extension switch
            {
                ".docx" => Fail(fileName, "it is a Word document; copy the text of the concluding observations and read it as concluding-observations-text"),
                ".xlsx" or ".xlsm" or "" => RecommendationFormat.UhriXlsx,
                _ => extension == ".zip"
                    ? Fail(fileName, "it is a zip archive; extract the export from it first")
                    : RecommendationFormat.UhriXlsx,
            };
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            return Fail(fileName, "it is an Excel 97-2003 (.xls) or old Word file; save it as .xlsx or CSV UTF-8");
        }

        if (head.StartsWith("%PDF"u8))
        {
            return Fail(fileName, "it is a PDF; copy the text of the concluding observations and read it as concluding-observations-text");
        }

        if (head.Length == 0)
        {
            return Fail(fileName, "it is empty");
        }

        var refused = InputText.Classify(head, out var encoding, out var bom);
        if (refused is not null)
        {
            return Fail(fileName, refused);
        }

        var text = encoding.GetString(TrimIncomplete(head[bom..], encoding));
        var start = text.TrimStart();
        if (extension == ".json" || start.StartsWith('[') || start.StartsWith('{'))
        {
            return RecommendationFormat.UhriJson;
        }

        var layout = HeaderLines(text).Select(line => TableLayouts.Identify(SplitHeader(line), TableLayouts.All)).FirstOrDefault(l => l is not null);
        if (layout is { } found)
        {
            return TableLayouts.FormatOf(found, spreadsheet: false);
        }

        if (extension is ".csv" or ".tsv")
        {
            var first = HeaderLines(text).FirstOrDefault() ?? "";
            return Fail(fileName, $"its header row ({SourceValues.Shorten(first)}) is not that of a UHRI export, a UPR Info export or a UPR matrix");
        }

        if (NumberedParagraph().IsMatch(text))
        {
            return RecommendationFormat.ConcludingObservationsText;
        }

        return Fail(fileName, "it is neither JSON, a spreadsheet, a known CSV, nor text with numbered paragraphs");
    }

    private static Error Fail(string fileName, string reason) =>
        new("format", $"cannot tell the format of '{Path.GetFileName(fileName)}': {reason}. Give the format: {string.Join(", ", Candidates)}");

    /// <summary>The non-blank lines at the start of the text (the last one may be cut off by the end of the head).</summary>
    private static IEnumerable<string> HeaderLines(string text) =>
        text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Where(l => !string.IsNullOrWhiteSpace(l)).Take(20);

    /// <summary>The cells of a header line, split at the separator that occurs most (comma, semicolon, tab or bar), quotes removed.</summary>
    private static List<string> SplitHeader(string line)
    {
        var separator = Separators.MaxBy(c => line.Count(x => x == c));
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == separator && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }

    /// <summary>The head without a character cut in two at its end.</summary>
    private static ReadOnlySpan<byte> TrimIncomplete(ReadOnlySpan<byte> bytes, Encoding encoding)
    {
        if (encoding is UnicodeEncoding)
        {
            return bytes[..(bytes.Length & ~1)];
        }

        // Drop a UTF-8 sequence that the head cuts: up to three trailing bytes after its lead byte.
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) != 0x80)
            {
                var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                return needed > back ? bytes[..^back] : bytes;
            }
        }

        return bytes;
    }
}
