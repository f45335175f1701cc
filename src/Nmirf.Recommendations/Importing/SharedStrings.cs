using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Win32.SafeHandles;

namespace Nmirf.Recommendations.Importing;

/// <summary>
/// The shared strings table of a workbook, which cells refer to by index. It is read SAX-style; a table larger than
/// <c>memoryBudget</c> characters moves to a temporary file, so that a workbook of a quarter of a million texts is
/// read in flat memory. Strings longer than a cell may be are kept as their length only.
/// </summary>
internal sealed class SharedStrings : IDisposable
{
    private readonly long _memoryBudget;
    private readonly List<SheetCell> _inMemory = [];
    private readonly List<(long Offset, int Bytes, int OversizeLength)> _onDisk = [];
    private SafeFileHandle? _file;
    private long _fileLength;
    private long _charsInMemory;

    private SharedStrings(long memoryBudget)
    {
        _memoryBudget = memoryBudget;
    }

    public int Count => _file is null ? _inMemory.Count : _onDisk.Count;

    /// <summary>Reads the table of <paramref name="part"/> (none: an empty table).</summary>
    public static SharedStrings Load(SharedStringTablePart? part, int maxChars, long memoryBudget = 8_000_000)
    {
        var strings = new SharedStrings(memoryBudget);
        if (part is null)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(part);
        var text = new StringBuilder();
        var length = 0;
        var phonetic = 0;
        while (reader.Read())
        {
            var type = reader.ElementType;
            if (type == typeof(SharedStringItem))
            {
                if (reader.IsStartElement)
                {
                    text.Clear();
                    length = 0;
                }
                else
                {
                    strings.Add(length > maxChars ? new SheetCell(null, length) : new SheetCell(text.ToString()));
                }
            }
            else if (type == typeof(PhoneticRun))
            {
                // Phonetic guides (furigana) are not part of the text.
                phonetic += reader.IsStartElement ? 1 : -1;
            }
            else if (type == typeof(Text) && reader.IsStartElement && phonetic == 0)
            {
                var value = reader.GetText();
                length += value.Length;
                if (length <= maxChars)
                {
                    text.Append(value);
                }
            }
        }

        return strings;
    }

    /// <summary>The string at <paramref name="index"/>, or null when the table has no such entry.</summary>
    public SheetCell? this[int index]
    {
        get
        {
            if (index < 0 || index >= Count)
            {
                return null;
            }

            if (_file is null)
            {
                return _inMemory[index];
            }

            var (offset, bytes, oversize) = _onDisk[index];
            if (oversize > 0)
            {
                return new SheetCell(null, oversize);
            }

            var buffer = new byte[bytes];
            RandomAccess.Read(_file, buffer, offset);
            return new SheetCell(Encoding.UTF8.GetString(buffer));
        }
    }

    private void Add(SheetCell cell)
    {
        if (_file is null)
        {
            _inMemory.Add(cell);
            _charsInMemory += cell.Text?.Length ?? 0;
            if (_charsInMemory > _memoryBudget)
            {
                MoveToDisk();
            }

            return;
        }

        Write(cell);
    }

    private void MoveToDisk()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nmirf-shared-strings-{Guid.NewGuid():N}.tmp");
        _file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
        foreach (var cell in _inMemory)
        {
            Write(cell);
        }

        _inMemory.Clear();
        _inMemory.TrimExcess();
        _charsInMemory = 0;
    }

    private void Write(SheetCell cell)
    {
        if (cell.IsOversize)
        {
            _onDisk.Add((0, 0, cell.OversizeLength));
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(cell.Text ?? "");
        RandomAccess.Write(_file!, bytes, _fileLength);
        _onDisk.Add((_fileLength, bytes.Length, 0));
        _fileLength += bytes.Length;
    }

    public void Dispose() => _file?.Dispose();
}
