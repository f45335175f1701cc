using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Nmirf.Recommendations.Importing;

/// <summary>
/// Reads concluding observations pasted as text. A numbered paragraph ("23. The Committee ...") is one record; one with
/// lettered sub-paragraphs on their own lines ("(a) ...", "(b) ...") is one record per sub-paragraph ("23(a)", "23(b)"),
/// each carrying the paragraph's lead-in. Lines between paragraphs that read as headings become the
/// <see cref="RecommendationRecord.Section"/> of the paragraphs under them; other unnumbered lines continue the paragraph
/// (text pasted from a PDF is wrapped). The document symbol comes from the caller; body and country from the caller or
/// from the symbol.
/// </summary>
internal static partial class ConcludingObservationsReader
{
    private const int MaxHeadingLength = 200;

    // "23. The Committee": a number, a full stop, and text that does not start with a digit ("1.5 million" is not a paragraph).
    [GeneratedRegex(@"^(?<num>\d{1,3})\s?\.\s*(?<rest>[^\d\s].*)$")]
    private static partial Regex ParagraphStart();

    [GeneratedRegex(@"^\((?<label>[a-z]{1,2})\)\s*(?<rest>.*)$")]
    private static partial Regex SubParagraphStart();

    [GeneratedRegex(@"\s*;\s*(?:and|or)?\s*$")]
    private static partial Regex ListJoiner();

    public static async IAsyncEnumerable<ReadItem> ReadAsync(Stream input, ReadOptions options, [EnumeratorCancellation] CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(options.Symbol))
        {
            yield return Stop(0, "Symbol", "the document symbol is required for pasted concluding observations (such as CRC/C/PER/CO/6-7)");
            yield break;
        }

        var symbol = options.Symbol.Trim();
        if (symbol.Length > options.MaxFieldLength)
        {
            yield return Stop(0, "Symbol", $"is {symbol.Length} characters long; the limit is {options.MaxFieldLength}");
            yield break;
        }

        var body = !string.IsNullOrWhiteSpace(options.Body) ? SourceValues.BodyId(options.Body) : SourceValues.BodyFromSymbol(symbol);
        if (body is null)
        {
            yield return Stop(0, "Body", $"the body cannot be told from the symbol '{SourceValues.Shorten(symbol)}'; give the body (such as crc)");
            yield break;
        }

        var country = !string.IsNullOrWhiteSpace(options.Country) ? SourceValues.Country(options.Country) : SourceValues.CountryFromSymbol(symbol);
        var opened = await InputText.OpenAsync(input, ct).ConfigureAwait(false);
        if (opened.Problem is not null)
        {
            yield return Stop(0, "", opened.Problem);
            yield break;
        }

        using var text = InputText.Reader(opened.Content!, opened.Encoding!);
        var lines = new BoundedLineReader(text, options.TextLimitTimes(2));
        var paragraphs = new Paragraphs(options, body, symbol, country);
        var yielded = 0;
        while (true)
        {
            var (line, length, failed) = await NextLineAsync(lines, ct).ConfigureAwait(false);
            if (failed)
            {
                yield return Stop(paragraphs.RecordCount + 1, "", InputText.DecodingFailed(opened.Encoding!, paragraphs.RecordCount + 1));
                yield break;
            }

            var items = line is null ? paragraphs.Finish() : paragraphs.Add(line, length);
            foreach (var item in items)
            {
                yielded++;
                yield return item;
            }

            if (line is null)
            {
                break;
            }
        }

        if (yielded == 0)
        {
            yield return Stop(0, "", "no numbered paragraphs found: each paragraph must start with its number, such as \"23. The Committee recommends ...\"");
        }
    }

    private static async ValueTask<(string? Line, int Length, bool Failed)> NextLineAsync(BoundedLineReader lines, CancellationToken ct)
    {
        try
        {
            var (line, length) = await lines.ReadLineAsync(ct).ConfigureAwait(false);
            return (line, length, false);
        }
        catch (DecoderFallbackException)
        {
            return (null, 0, true);
        }
    }

    private static ReadItem Stop(int number, string field, string reason) => ReadItem.Of(new ReadProblem(number, field, reason) { StopsReading = true });

    /// <summary>Gathers lines into paragraphs and turns each finished paragraph into records.</summary>
    private sealed class Paragraphs(ReadOptions options, string body, string symbol, string? country)
    {
        private readonly List<string> _pendingHeadings = [];
        private Paragraph? _current;
        private string? _section;
        private int _lastNumber;

        public int RecordCount { get; private set; }

        public List<ReadItem> Add(string line, int length)
        {
            var items = new List<ReadItem>();
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                return items;
            }

            if (ParagraphStart().Match(trimmed) is { Success: true } start && int.Parse(start.Groups["num"].ValueSpan, CultureInfo.InvariantCulture) is var number && number > _lastNumber)
            {
                ResolvePendingAsHeadings();
                Flush(items);
                _lastNumber = number;
                _current = new Paragraph(number.ToString(CultureInfo.InvariantCulture), _section);
                _current.Append(start.Groups["rest"].Value, length);
                return items;
            }

            if (_current is not null && SubParagraphStart().Match(trimmed) is { Success: true } sub && sub.Groups["label"].Value == _current.NextLabel)
            {
                ResolvePendingAsText();
                _current.StartSubParagraph(sub.Groups["label"].Value);
                _current.Append(sub.Groups["rest"].Value, length);
                return items;
            }

            if (IsHeading(trimmed))
            {
                _pendingHeadings.Add(trimmed);
                return items;
            }

            ResolvePendingAsText();
            _current?.Append(trimmed, length);
            return items;
        }

        public List<ReadItem> Finish()
        {
            // Lines after the last paragraph that read as headings are the document's footer, not text.
            _pendingHeadings.Clear();
            var items = new List<ReadItem>();
            Flush(items);
            return items;
        }

        /// <summary>A short line that starts with a capital and does not end a sentence or a clause, such as "Birth registration (art. 7)".</summary>
        private static bool IsHeading(string line) =>
            line.Length <= MaxHeadingLength && char.IsUpper(line[0]) && line[^1] is not ('.' or ';' or ':' or ',');

        private void ResolvePendingAsHeadings()
        {
            if (_pendingHeadings.Count > 0)
            {
                _section = SourceValues.CollapseWhitespace(_pendingHeadings[^1]);
                _pendingHeadings.Clear();
            }
        }

        private void ResolvePendingAsText()
        {
            foreach (var line in _pendingHeadings)
            {
                _current?.Append(line, line.Length);
            }

            _pendingHeadings.Clear();
        }

        private void Flush(List<ReadItem> items)
        {
            if (_current is null)
            {
                return;
            }

            var paragraph = _current;
            _current = null;
            var lead = paragraph.LeadIn;
            var type = SourceValues.TypeFromWording(paragraph.AllText);
            if (paragraph.SubParagraphs.Count == 0)
            {
                items.AddRange(Record(paragraph.Number, lead, paragraph, type));
                return;
            }

            foreach (var (label, text) in paragraph.SubParagraphs)
            {
                var own = ListJoiner().Replace(SourceValues.CollapseWhitespace(text.ToString()), "");
                items.AddRange(Record($"{paragraph.Number}({label})", lead.Length == 0 ? own : $"{lead} {own}", paragraph, type));
            }
        }

        private List<ReadItem> Record(string number, string text, Paragraph paragraph, RecommendationType type)
        {
            var problems = new List<ReadProblem>();
            var draft = new RecordDraft(++RecordCount, options, problems)
            {
                Body = body,
                Symbol = symbol,
                Paragraph = number,
                Type = type,
                PublicationDate = options.PublicationDate,
                Section = paragraph.Section,
            };
            if (country is not null)
            {
                draft.Countries.Add(country);
            }

            if (paragraph.Length > options.TextLimitTimes(2))
            {
                draft.Problem("Text", $"is about {paragraph.Length} characters long; the limit is {options.MaxTextLength}");
            }
            else
            {
                draft.SetCleanText("Text", text);
            }

            var record = draft.Build();
            return record is null ? problems.Select(ReadItem.Of).ToList() : [ReadItem.Of(record)];
        }
    }

    /// <summary>A numbered paragraph being read: its lead-in and its lettered sub-paragraphs.</summary>
    private sealed class Paragraph(string number, string? section)
    {
        private readonly StringBuilder _leadIn = new();

        public string Number => number;
        public string? Section => section;
        public List<(string Label, StringBuilder Text)> SubParagraphs { get; } = [];
        public int Length { get; private set; }

        public string LeadIn => SourceValues.CollapseWhitespace(_leadIn.ToString());
        public string AllText => string.Join(' ', SubParagraphs.Select(s => s.Text.ToString()).Prepend(_leadIn.ToString()));

        /// <summary>The label the next sub-paragraph must have: (a) first, then the letter after the last one. A "(i)" after "(a)" is an item inside it.</summary>
        public string NextLabel => SubParagraphs.Count == 0 ? "a" : SubParagraphs[^1].Label is [var last] && last < 'z' ? ((char)(last + 1)).ToString() : "";

        public void StartSubParagraph(string label) => SubParagraphs.Add((label, new StringBuilder()));

        public void Append(string text, int length)
        {
            Length += length;
            var target = SubParagraphs.Count == 0 ? _leadIn : SubParagraphs[^1].Text;
            if (target.Length > 0)
            {
                target.Append(' ');
            }

            target.Append(text);
        }
    }
}

/// <summary>Reads lines of at most <c>maxChars</c> characters: a longer line is cut, and its full length is reported, so that one enormous line is never held whole.</summary>
internal sealed class BoundedLineReader(TextReader reader, int maxChars)
{
    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _line = new();
    private int _position;
    private int _length;
    private bool _end;

    /// <summary>The next line (cut to the limit) and its full length; a null line at the end of the text.</summary>
    public async ValueTask<(string? Line, int Length)> ReadLineAsync(CancellationToken ct)
    {
        _line.Clear();
        var length = 0;
        var any = false;
        while (true)
        {
            if (_position == _length)
            {
                if (_end || !await FillAsync(ct).ConfigureAwait(false))
                {
                    return any ? (_line.ToString(), length) : (null, 0);
                }
            }

            any = true;
            var c = _buffer[_position++];
            if (c == '\n')
            {
                return (_line.ToString(), length);
            }

            if (c == '\r')
            {
                // CR LF is one line break; a lone CR is one too.
                if (_position == _length && !_end)
                {
                    await FillAsync(ct).ConfigureAwait(false);
                }

                if (_position < _length && _buffer[_position] == '\n')
                {
                    _position++;
                }

                return (_line.ToString(), length);
            }

            length++;
            if (length <= maxChars)
            {
                _line.Append(c);
            }
        }
    }

    private async ValueTask<bool> FillAsync(CancellationToken ct)
    {
        _length = await reader.ReadAsync(_buffer.AsMemory(), ct).ConfigureAwait(false);
        _position = 0;
        _end = _length == 0;
        return !_end;
    }
}
