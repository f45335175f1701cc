using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Nmirf.Recommendations.Importing;

/// <summary>
/// Reads the tabular formats (UHRI export, UPR Info, UPR matrix) from CSV or .xlsx: finds the header row, checks the
/// required columns, and maps each row to a record. Extra columns are ignored. Title rows above the header (UPR
/// matrices have them) are skipped, and so are blank rows.
/// </summary>
internal static partial class TableReader
{
    /// <summary>How many non-blank rows are looked at for the header.</summary>
    private const int HeaderSearchRows = 20;

    [GeneratedRegex(@"\((?<states>(?:[^()]|\([^()]*\))*)\)\s*[;.,]?\s*$")]
    private static partial Regex TrailingStates();

    [GeneratedRegex(@"^affected persons\s*:?\s*(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex AffectedPersonsLabel();

    public static async IAsyncEnumerable<ReadItem> ReadAsync(Stream input, RecommendationFormat format, ReadOptions options, [EnumeratorCancellation] CancellationToken ct)
    {
        var maxCellChars = options.TextLimitTimes(4);
        var (isZip, content) = await SniffZipAsync(input, ct).ConfigureAwait(false);
        var spreadsheet = format == RecommendationFormat.UhriXlsx || isZip;
        var requested = format switch
        {
            RecommendationFormat.UprInfo => TableLayout.UprInfo,
            RecommendationFormat.UprMatrix => TableLayout.UprMatrix,
            _ => TableLayout.Uhri,
        };

        // The first bytes of an .xlsx cannot tell a UHRI export from a UPR matrix, so for a workbook the header decides.
        TableLayout[] allowed = spreadsheet && requested != TableLayout.UprInfo ? [requested, requested == TableLayout.Uhri ? TableLayout.UprMatrix : TableLayout.Uhri] : [requested];

        var rows = spreadsheet ? XlsxStepsAsync(content, maxCellChars, ct) : CsvRows.ReadAsync(content, maxCellChars, ct);
        TableLayout? layout = null;
        Dictionary<TableColumn, int> columns = [];
        IReadOnlyList<string> headers = [];
        SheetRow? firstRow = null;
        var looked = 0;
        var lastRow = 0;
        await foreach (var step in rows.ConfigureAwait(false))
        {
            if (step.Problem is not null)
            {
                yield return Stop(layout is null ? 0 : lastRow + 1, step.Problem);
                yield break;
            }

            var row = step.Row!;
            lastRow = row.Number;
            if (row.IsBlank)
            {
                continue;
            }

            if (layout is null)
            {
                firstRow ??= row;
                layout = TableLayouts.Identify(row.Texts, allowed);
                if (layout is not null)
                {
                    headers = row.Texts;
                    columns = TableLayouts.Locate(layout.Value, headers);
                }
                else if (++looked >= HeaderSearchRows)
                {
                    break;
                }

                continue;
            }

            var problems = new List<ReadProblem>();
            var fields = new RowFields(row, columns, headers, new RecordDraft(row.Number, options, problems), maxCellChars, options.MaxTextLength);
            var record = layout switch
            {
                TableLayout.Uhri => MapUhri(fields),
                TableLayout.UprInfo => MapUprInfo(fields),
                _ => MapMatrix(fields, options),
            };

            foreach (var problem in problems)
            {
                yield return ReadItem.Of(problem);
            }

            if (record is not null)
            {
                yield return ReadItem.Of(record);
            }
        }

        if (layout is null)
        {
            yield return Stop(0, firstRow is null ? "the file has no rows: it is empty" : MissingColumns(requested, firstRow, spreadsheet));
        }
    }

    private static ReadItem Stop(int number, string reason) => ReadItem.Of(new ReadProblem(number, "", reason) { StopsReading = true });

    private static string MissingColumns(TableLayout requested, SheetRow firstRow, bool spreadsheet)
    {
        var headers = firstRow.Texts;
        var missing = TableLayouts.Missing(requested, headers).Select(c => c.Name);
        var present = headers.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => SourceValues.Shorten(SourceValues.CollapseWhitespace(h)));
        var message = $"missing columns: {string.Join(", ", missing)}; the first row (row {firstRow.Number}) has: {string.Join(", ", present)}";
        var other = TableLayouts.Identify(headers, TableLayouts.All);
        return other is { } layout
            ? $"{message}. It looks like a {Describe(layout)}: read it with the format {TableLayouts.FormatOf(layout, spreadsheet)}"
            : message;

        static string Describe(TableLayout layout) => layout switch
        {
            TableLayout.Uhri => "UHRI export",
            TableLayout.UprInfo => "UPR Info export",
            _ => "UPR matrix",
        };
    }

    /// <summary>Whether the input is a zip package, and the input to read from its start (the same stream when it can seek back).</summary>
    private static async Task<(bool IsZip, Stream Content)> SniffZipAsync(Stream input, CancellationToken ct)
    {
        var head = new byte[InputText.HeadLength];
        if (input.CanSeek)
        {
            var position = input.Position;
            var read = await InputText.ReadHeadAsync(input, head, ct).ConfigureAwait(false);
            input.Position = position;
            return (XlsxRows.IsZip(head.AsSpan(0, read)), input);
        }

        var length = await InputText.ReadHeadAsync(input, head, ct).ConfigureAwait(false);
        return (XlsxRows.IsZip(head.AsSpan(0, length)), new PrefixedStream(head.AsMemory(0, length), input));
    }

    private static async IAsyncEnumerable<SheetStep> XlsxStepsAsync(Stream input, int maxCellChars, [EnumeratorCancellation] CancellationToken ct)
    {
        var (rows, problem) = await XlsxRows.OpenAsync(input, maxCellChars, ct).ConfigureAwait(false);
        if (rows is null)
        {
            yield return new SheetStep(null, problem);
            yield break;
        }

        using (rows)
        {
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                if (!rows.TryNext(out var row, out problem))
                {
                    if (problem is not null)
                    {
                        yield return new SheetStep(null, problem);
                    }

                    yield break;
                }

                yield return new SheetStep(row, null);
            }
        }
    }

    private static RecommendationRecord? MapUhri(RowFields row)
    {
        var draft = row.Draft;
        if (row.RawText(TableLayouts.UhriText) is { } text)
        {
            draft.SetText(row.Header(TableLayouts.UhriText), text, splitParagraph: true);
        }

        draft.Body = row.Single(TableLayouts.UhriBody) is { } body ? SourceValues.BodyId(body) : "";
        draft.Symbol = row.Single(TableLayouts.UhriSymbol);
        draft.AnnotationId = row.Single(TableLayouts.UhriAnnotationId);
        draft.Countries.AddRange(row.Multi(TableLayouts.UhriCountries).Select(SourceValues.Country));
        draft.Themes.AddRange(row.Multi(TableLayouts.UhriThemes));
        draft.AffectedPersons.AddRange(row.Multi(TableLayouts.UhriAffectedPersons));
        draft.SetSdgs(row.Header(TableLayouts.UhriSdgs), row.Multi(TableLayouts.UhriSdgs));
        if (row.Single(TableLayouts.UhriPublicationDate) is { } date)
        {
            draft.SetDate(row.Header(TableLayouts.UhriPublicationDate), date, allowSerial: true);
        }

        draft.RecommendingStates.AddRange(row.Multi(TableLayouts.UhriRecommendingStates).Select(SourceValues.Country));
        draft.SetResponse(row.Header(TableLayouts.UhriPosition), row.Multi(TableLayouts.UhriPosition));
        draft.SetType(row.Header(TableLayouts.UhriType), row.Single(TableLayouts.UhriType));
        draft.SetSession(row.Header(TableLayouts.UhriSession), row.Single(TableLayouts.UhriSession));
        return draft.Build();
    }

    private static RecommendationRecord? MapUprInfo(RowFields row)
    {
        var draft = row.Draft;
        draft.Body = "upr";
        draft.Type = RecommendationType.Recommendation;
        if (row.RawText(TableLayouts.InfoText) is { } text)
        {
            draft.SetText(row.Header(TableLayouts.InfoText), text, splitParagraph: false);
        }

        if (row.Single(TableLayouts.InfoTo) is { } to)
        {
            draft.Countries.Add(SourceValues.Country(to));
        }

        if (row.Single(TableLayouts.InfoFrom) is { } from)
        {
            draft.RecommendingStates.Add(SourceValues.Country(from));
        }

        if (row.Single(TableLayouts.InfoResponse) is { } response)
        {
            draft.SetResponse(row.Header(TableLayouts.InfoResponse), [response]);
        }

        if (row.Single(TableLayouts.InfoAction) is { } action)
        {
            if (int.TryParse(action, NumberStyles.None, CultureInfo.InvariantCulture, out var category) && category is >= 1 and <= 5)
            {
                draft.UprActionCategory = category;
            }
            else
            {
                draft.Problem(row.Header(TableLayouts.InfoAction), $"'{SourceValues.Shorten(action)}' is not an action category (1 to 5)");
            }
        }

        if (row.Raw(TableLayouts.InfoIssue) is { } issues)
        {
            var values = issues.Split([',', ';', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(SourceValues.CollapseWhitespace).Where(v => v.Length > 0);
            draft.Themes.AddRange(draft.ShortList(row.Header(TableLayouts.InfoIssue), values));
        }

        draft.SetSession(row.Header(TableLayouts.InfoSession), row.Single(TableLayouts.InfoSession));
        return draft.Build();
    }

    private static RecommendationRecord? MapMatrix(RowFields row, ReadOptions options)
    {
        var draft = row.Draft;
        var raw = row.RawText(TableLayouts.MatrixRecommendation);
        if (raw is null)
        {
            return draft.Build();
        }

        var (paragraph, text) = SourceValues.SplitParagraph(SourceValues.CleanText(raw));
        var position = row.Single(TableLayouts.MatrixPosition);
        if (paragraph is null && position is null && row.Cell(TableLayouts.MatrixSource).IsBlank && row.Cell(TableLayouts.MatrixThemes).IsBlank)
        {
            // A theme heading between the recommendations, not a recommendation.
            return null;
        }

        draft.Body = "upr";
        draft.Type = RecommendationType.Recommendation;
        draft.Paragraph = paragraph;
        var (recommendation, states) = SplitStates(text);
        draft.SetCleanText(row.Header(TableLayouts.MatrixRecommendation), recommendation);
        draft.RecommendingStates.AddRange(draft.ShortList(row.Header(TableLayouts.MatrixRecommendation), states));
        if (position is not null)
        {
            draft.SetResponse(row.Header(TableLayouts.MatrixPosition), [position]);
        }

        var affected = false;
        foreach (var line in row.Multi(TableLayouts.MatrixThemes))
        {
            if (AffectedPersonsLabel().Match(line) is { Success: true } label)
            {
                affected = true;
                draft.AffectedPersons.AddRange(label.Groups["rest"].Value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
            else if (!line.EndsWith(':'))
            {
                (affected ? draft.AffectedPersons : draft.Themes).Add(line);
            }
        }

        var sdgs = row.Multi(TableLayouts.MatrixSdgs)
            .SelectMany(line => SourceValues.SortSdgs([line], [], []) is null ? [line] : line.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        draft.SetSdgs(row.Header(TableLayouts.MatrixSdgs), sdgs);
        draft.SourceOfPosition = row.Single(TableLayouts.MatrixSource);
        draft.Symbol = draft.Short("Symbol", options.Symbol?.Trim());
        if (!string.IsNullOrWhiteSpace(options.Country))
        {
            draft.Countries.Add(SourceValues.Country(options.Country));
        }

        draft.PublicationDate = options.PublicationDate;
        return draft.Build();
    }

    /// <summary>Splits the recommending states off the end of a matrix recommendation: "Ratify ... (Portugal);" is ("Ratify ...", [PRT]).</summary>
    internal static (string Text, List<string> States) SplitStates(string text)
    {
        var match = TrailingStates().Match(text);
        if (!match.Success)
        {
            return (text, []);
        }

        var inside = match.Groups["states"].Value.Trim();
        var parts = CountryNames.CodeOf(inside) is not null
            ? [inside]
            : inside.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0 || (!parts.Any(p => CountryNames.CodeOf(p) is not null) && inside.Any(char.IsDigit)))
        {
            // A remark in brackets, such as a year, rather than states.
            return (text, []);
        }

        return (text[..match.Index].TrimEnd(), parts.Select(SourceValues.Country).ToList());
    }

    /// <summary>The cells of one row by column, with the header names the file uses for its problems.</summary>
    private sealed class RowFields(SheetRow row, Dictionary<TableColumn, int> columns, IReadOnlyList<string> headers, RecordDraft draft, int maxCellChars, int maxTextLength)
    {
        public RecordDraft Draft => draft;

        public string Header(TableColumn column) =>
            columns.TryGetValue(column, out var index) && index < headers.Count ? SourceValues.CollapseWhitespace(headers[index]) : column.Name;

        public SheetCell Cell(TableColumn column) => columns.TryGetValue(column, out var index) ? row[index] : SheetCell.Empty;

        /// <summary>The cell as it is, or null when blank or longer than a cell may be (a problem then).</summary>
        public string? Raw(TableColumn column) => Raw(column, maxCellChars);

        /// <summary>The text cell as it is, or null when blank or too long; its limit is checked again once markup is removed.</summary>
        public string? RawText(TableColumn column) => Raw(column, maxTextLength);

        private string? Raw(TableColumn column, int reportedLimit)
        {
            var cell = Cell(column);
            if (cell.IsOversize)
            {
                draft.Problem(Header(column), $"is {cell.OversizeLength} characters long; the limit is {reportedLimit}");
                return null;
            }

            return cell.IsBlank ? null : cell.Text;
        }

        /// <summary>A single value without its "- " marker; several different values in the cell are a problem.</summary>
        public string? Single(TableColumn column)
        {
            var values = Multi(column).Distinct(StringComparer.Ordinal).ToList();
            if (values.Count > 1)
            {
                draft.Problem(Header(column), $"holds several values ({SourceValues.Shorten(string.Join(", ", values))}); expected one");
                return null;
            }

            return values.Count == 0 ? null : values[0];
        }

        /// <summary>The values of the cell, one per line, each without its "- " marker and within the field limit.</summary>
        public List<string> Multi(TableColumn column) =>
            Raw(column) is { } text ? draft.ShortList(Header(column), SourceValues.SplitLines(text)).ToList() : [];
    }
}
