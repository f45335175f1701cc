namespace Nmirf.Recommendations.Importing;

/// <summary>
/// One cell of a CSV or spreadsheet row. A value longer than the reader accepts is not kept: only its length is, so
/// that a cell of several megabytes is reported, not carried along.
/// </summary>
internal readonly record struct SheetCell(string? Text, int OversizeLength = 0, bool IsNumber = false)
{
    public static readonly SheetCell Empty = new(null);

    public bool IsOversize => OversizeLength > 0;
    public bool IsBlank => !IsOversize && string.IsNullOrWhiteSpace(Text);
}

/// <summary>A row of a CSV file or of the first worksheet, numbered as a spreadsheet numbers it (the header row is 1).</summary>
internal sealed class SheetRow(int number, SheetCell[] cells)
{
    public int Number => number;
    public int Count => cells.Length;
    public SheetCell this[int column] => column >= 0 && column < cells.Length ? cells[column] : SheetCell.Empty;
    public bool IsBlank => Array.TrueForAll(cells, c => c.IsBlank);

    /// <summary>The cells as texts, for a header row.</summary>
    public IReadOnlyList<string> Texts => cells.Select(c => c.Text ?? "").ToList();
}

/// <summary>A row, or the problem that stops reading the rows.</summary>
internal readonly record struct SheetStep(SheetRow? Row, string? Problem);
