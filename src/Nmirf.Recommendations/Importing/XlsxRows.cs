using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Nmirf.Recommendations.Importing;

/// <summary>
/// The rows of the first worksheet of an .xlsx workbook, read SAX-style with <see cref="OpenXmlReader"/>: one row is
/// held at a time, cells are resolved against the shared strings table or read inline. A package needs random access,
/// so a stream that cannot seek is copied to a temporary file first rather than into memory.
/// </summary>
internal sealed class XlsxRows : IDisposable
{
    private static ReadOnlySpan<byte> ZipSignature => [(byte)'P', (byte)'K', 3, 4];

    private readonly Stream? _ownedStream;
    private readonly SpreadsheetDocument _document;
    private readonly SharedStrings _strings;
    private readonly OpenXmlReader _reader;
    private readonly int _maxCellChars;
    private int _lastRow;

    private XlsxRows(Stream? ownedStream, SpreadsheetDocument document, SharedStrings strings, OpenXmlReader reader, int maxCellChars)
    {
        _ownedStream = ownedStream;
        _document = document;
        _strings = strings;
        _reader = reader;
        _maxCellChars = maxCellChars;
    }

    /// <summary>Whether <paramref name="head"/> starts like a zip package (an .xlsx is one).</summary>
    public static bool IsZip(ReadOnlySpan<byte> head) => head.StartsWith(ZipSignature);

    /// <summary>The rows of the workbook in <paramref name="input"/>, or the reason it is not a readable spreadsheet.</summary>
    public static async Task<(XlsxRows? Rows, string? Problem)> OpenAsync(Stream input, int maxCellChars, CancellationToken ct)
    {
        var head = new byte[InputText.HeadLength];
        var length = await InputText.ReadHeadAsync(input, head, ct).ConfigureAwait(false);
        if (!IsZip(head.AsSpan(0, length)))
        {
            var what = length == 0 ? "it is empty"
                : InputText.Classify(head.AsSpan(0, length), out _, out _) is null ? "it is text, such as CSV"
                : "it is not a zip package";
            return (null, $"the file is not an .xlsx spreadsheet: {what}");
        }

        Stream package;
        Stream? owned = null;
        if (input.CanSeek && input.Position == length)
        {
            input.Position = 0;
            package = input;
        }
        else
        {
            owned = new FileStream(Path.Combine(Path.GetTempPath(), $"nmirf-import-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew,
                FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await owned.WriteAsync(head.AsMemory(0, length), ct).ConfigureAwait(false);
            await input.CopyToAsync(owned, ct).ConfigureAwait(false);
            owned.Position = 0;
            package = owned;
        }

        SpreadsheetDocument? document = null;
        SharedStrings? strings = null;
        try
        {
            document = SpreadsheetDocument.Open(package, isEditable: false);
            var workbook = document.WorkbookPart;
            var sheet = workbook?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook is null || sheet?.Id?.Value is not { } id)
            {
                Release();
                return (null, "the file is a zip package without a workbook and a worksheet: it is not an .xlsx spreadsheet");
            }

            if (workbook.GetPartById(id) is not WorksheetPart worksheet)
            {
                Release();
                return (null, $"the first sheet, '{sheet.Name}', is not a worksheet (a chart sheet?)");
            }

            strings = SharedStrings.Load(workbook.SharedStringTablePart, maxCellChars);
            return (new XlsxRows(owned, document, strings, OpenXmlReader.Create(worksheet), maxCellChars), null);
        }
        catch (Exception exception) when (IsUnreadablePackage(exception))
        {
            Release();
            return (null, $"the file is a zip package but not a readable .xlsx workbook ({exception.Message})");
        }

        void Release()
        {
            strings?.Dispose();
            document?.Dispose();
            owned?.Dispose();
        }
    }

    /// <summary>Moves to the next row: true with the row, false at the end or with the problem that stops reading.</summary>
    public bool TryNext(out SheetRow? row, out string? problem)
    {
        row = null;
        problem = null;
        try
        {
            return ReadRow(out row, out problem);
        }
        catch (Exception exception) when (IsUnreadablePackage(exception))
        {
            problem = $"the worksheet cannot be read after row {_lastRow}: {exception.Message}";
            return false;
        }
    }

    private bool ReadRow(out SheetRow? row, out string? problem)
    {
        row = null;
        problem = null;
        var cells = new List<(int Column, SheetCell Cell)>();
        var number = 0;
        var inRow = false;
        var column = -1;
        string? cellType = null;
        string? value = null;
        var inline = new StringBuilder();
        var inlineLength = 0;
        var phonetic = 0;

        while (_reader.Read())
        {
            var type = _reader.ElementType;
            if (type == typeof(Row))
            {
                if (_reader.IsStartElement)
                {
                    inRow = true;
                    cells.Clear();
                    number = int.TryParse(Attribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : _lastRow + 1;
                }
                else if (inRow)
                {
                    _lastRow = number;
                    var array = new SheetCell[cells.Count == 0 ? 0 : cells.Max(c => c.Column) + 1];
                    foreach (var (index, cell) in cells)
                    {
                        array[index] = cell;
                    }

                    row = new SheetRow(number, array);
                    return true;
                }
            }
            else if (type == typeof(Cell))
            {
                if (_reader.IsStartElement)
                {
                    column = ColumnOf(Attribute("r")) ?? column + 1;
                    cellType = Attribute("t");
                    value = null;
                    inline.Clear();
                    inlineLength = 0;
                }
                else
                {
                    var cell = Resolve(cellType, value, inline, inlineLength, out problem);
                    if (problem is not null)
                    {
                        problem = $"row {number}, column {ColumnName(column)}: {problem}";
                        return false;
                    }

                    cells.Add((column, cell));
                }
            }
            else if (type == typeof(CellValue) && _reader.IsStartElement)
            {
                value = _reader.GetText();
            }
            else if (type == typeof(PhoneticRun))
            {
                phonetic += _reader.IsStartElement ? 1 : -1;
            }
            else if (type == typeof(Text) && _reader.IsStartElement && phonetic == 0)
            {
                var text = _reader.GetText();
                inlineLength += text.Length;
                if (inlineLength <= _maxCellChars)
                {
                    inline.Append(text);
                }
            }
        }

        return false;
    }

    private SheetCell Resolve(string? cellType, string? value, StringBuilder inline, int inlineLength, out string? problem)
    {
        problem = null;
        switch (cellType)
        {
            case "s":
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || _strings[index] is not { } shared)
                {
                    problem = $"refers to shared string '{value}', which the workbook does not have";
                    return SheetCell.Empty;
                }

                return shared;
            case "inlineStr":
                return inlineLength > _maxCellChars ? new SheetCell(null, inlineLength) : new SheetCell(inline.ToString());
            case null or "n":
                return new SheetCell(value, IsNumber: value is not null);
            case "e":
                return SheetCell.Empty;
            default:
                // "str" (a formula's text), "b" (0 or 1), "d" (an ISO date): the value as written.
                return value is not null && value.Length > _maxCellChars ? new SheetCell(null, value.Length) : new SheetCell(value);
        }
    }

    private string? Attribute(string name)
    {
        foreach (var attribute in _reader.Attributes)
        {
            if (attribute.LocalName == name && string.IsNullOrEmpty(attribute.NamespaceUri))
            {
                return attribute.Value;
            }
        }

        return null;
    }

    /// <summary>The 0-based column of a cell reference such as "AB12".</summary>
    internal static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            letters++;
            if (letters > 3)
            {
                return null;
            }
        }

        return letters == 0 ? null : column - 1;
    }

    private static string ColumnName(int column)
    {
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static bool IsUnreadablePackage(Exception exception) =>
        exception is OpenXmlPackageException or FileFormatException or InvalidDataException or XmlException or IOException
            or InvalidOperationException or ArgumentException;

    public void Dispose()
    {
        _reader.Dispose();
        _strings.Dispose();
        _document.Dispose();
        _ownedStream?.Dispose();
    }
}
