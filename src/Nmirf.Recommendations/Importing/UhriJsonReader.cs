using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Nmirf.Recommendations.Importing;

/// <summary>
/// Reads the UHRI JSON export (one array of annotation objects, about 400 MB for the whole index) token by token:
/// one record is held at a time. Unknown fields are skipped, since the export gains fields over time; a known field
/// of the wrong type is a problem for that record; a file cut off or malformed yields the records before the break,
/// then one problem that names the record where it broke.
/// </summary>
internal static class UhriJsonReader
{
    /// <summary>The largest single JSON value read; beyond it the file is refused rather than buffered.</summary>
    internal const int MaxTokenBytes = 64 * 1024 * 1024;

    public static async IAsyncEnumerable<ReadItem> ReadAsync(Stream input, ReadOptions options, [EnumeratorCancellation] CancellationToken ct)
    {
        var opened = await InputText.OpenAsync(input, ct).ConfigureAwait(false);
        if (opened.Problem is not null)
        {
            yield return ReadItem.Of(new ReadProblem(0, "", opened.Problem) { StopsReading = true });
            yield break;
        }

        var utf8 = InputText.AsUtf8(opened.Content!, opened.Encoding!);
        await using (utf8.ConfigureAwait(false))
        {
            using var tokens = new JsonTokenSource(utf8, MaxTokenBytes);
            var parser = new Parser(tokens, options, opened.Encoding!);
            while (true)
            {
                var step = await parser.NextAsync(ct).ConfigureAwait(false);
                foreach (var item in step.Items)
                {
                    yield return item;
                }

                if (step.Done)
                {
                    yield break;
                }
            }
        }
    }

    private sealed record Step(IReadOnlyList<ReadItem> Items, bool Done);

    /// <summary>Thrown inside the parser when the input cannot be read further; becomes the problem that stops reading.</summary>
    private sealed class StopReadingException(string reason) : Exception(reason);

    private sealed class Parser(JsonTokenSource tokens, ReadOptions options, Encoding encoding)
    {
        private const int NameBytes = 256;
        private const int MaxListValues = 1000;
        private bool _started;
        private int _recordNumber;

        private int TextBytes => options.TextLimitTimes(8);
        private int FieldBytes => options.FieldLimitTimes(8);

        public async ValueTask<Step> NextAsync(CancellationToken ct)
        {
            try
            {
                return await NextCoreAsync(ct).ConfigureAwait(false);
            }
            catch (StopReadingException stop)
            {
                return Stop(stop.Message);
            }
            catch (JsonException json)
            {
                var where = _recordNumber == 0 ? "at the start of the file" : $"in record {_recordNumber}";
                return Stop($"the JSON is malformed {where} (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1} of the line)");
            }
            catch (DecoderFallbackException)
            {
                return Stop(InputText.DecodingFailed(encoding, Math.Max(1, _recordNumber)));
            }
        }

        private Step Stop(string reason) =>
            new([ReadItem.Of(new ReadProblem(_recordNumber, "", reason) { StopsReading = true })], true);

        private async ValueTask<Step> NextCoreAsync(CancellationToken ct)
        {
            if (!_started)
            {
                if (await NextAsync(NameBytes, atStart: true, ct).ConfigureAwait(false) != JsonTokenType.StartArray)
                {
                    throw new StopReadingException($"the file is not a JSON array of records: it starts with {Describe(tokens.TokenType)}");
                }

                _started = true;
            }

            var token = await NextAsync(NameBytes, atStart: false, ct).ConfigureAwait(false);
            if (token == JsonTokenType.EndArray)
            {
                if (await tokens.HasMoreContentAsync(ct).ConfigureAwait(false))
                {
                    throw new StopReadingException($"the file goes on after the closing ] of the array (after record {_recordNumber})");
                }

                return new Step([], true);
            }

            _recordNumber++;
            if (token != JsonTokenType.StartObject)
            {
                await SkipAsync(token, ct).ConfigureAwait(false);
                return new Step([ReadItem.Of(new ReadProblem(_recordNumber, "", $"expected a record (a JSON object), found {Describe(token)}"))], false);
            }

            var fields = new JsonFields();
            var problems = new List<ReadProblem>();
            await ReadRecordAsync(fields, problems, ct).ConfigureAwait(false);
            var record = fields.ToRecord(_recordNumber, options, problems);
            return problems.Count > 0
                ? new Step(problems.Select(ReadItem.Of).ToList(), false)
                : new Step([ReadItem.Of(record!)], false);
        }

        private async ValueTask ReadRecordAsync(JsonFields fields, List<ReadProblem> problems, CancellationToken ct)
        {
            while (true)
            {
                var token = await NextAsync(NameBytes, atStart: false, ct).ConfigureAwait(false);
                if (token == JsonTokenType.EndObject)
                {
                    return;
                }

                // A property name longer than any known field is an unknown field: its value is skipped.
                var name = tokens.Text ?? "";
                switch (name)
                {
                    case "AnnotationId":
                        fields.AnnotationId = await ReadTextAsync(name, FieldBytes, options.MaxFieldLength, problems, ct).ConfigureAwait(false);
                        break;
                    case "AnnotationType":
                        fields.AnnotationType = await ReadTextAsync(name, FieldBytes, options.MaxFieldLength, problems, ct).ConfigureAwait(false);
                        break;
                    case "Body":
                        fields.Body = await ReadTextAsync(name, FieldBytes, options.MaxFieldLength, problems, ct).ConfigureAwait(false);
                        break;
                    case "Symbol":
                        fields.Symbol = await ReadTextAsync(name, FieldBytes, options.MaxFieldLength, problems, ct).ConfigureAwait(false);
                        break;
                    case "Text":
                        // Markup may make the stored text longer than the cleaned one; the cleaned text is checked later.
                        fields.Text = await ReadTextAsync(name, TextBytes, options.TextLimitTimes(4), problems, ct, reportedLimit: options.MaxTextLength).ConfigureAwait(false);
                        break;
                    case "PublicationDate":
                        fields.PublicationDate = await ReadTextAsync(name, FieldBytes, options.MaxFieldLength, problems, ct).ConfigureAwait(false);
                        break;
                    case "DocumentId" or "PublicationDateOnUhri":
                        await ReadScalarAsync(name, problems, ct).ConfigureAwait(false);
                        break;
                    case "UprCycle":
                        fields.UprCycle = await ReadScalarAsync(name, problems, ct).ConfigureAwait(false);
                        break;
                    case "Countries":
                        fields.Countries = await ReadListAsync(name, problems, ct).ConfigureAwait(false);
                        break;
                    case "Themes":
                        fields.Themes = await ReadListAsync(name, problems, ct).ConfigureAwait(false);
                        break;
                    case "AffectedPersons":
                        fields.AffectedPersons = await ReadListAsync(name, problems, ct).ConfigureAwait(false);
                        break;
                    case "Sdgs":
                        fields.Sdgs = await ReadListAsync(name, problems, ct).ConfigureAwait(false);
                        break;
                    case "UprSession":
                        fields.UprSession = await ReadListAsync(name, problems, ct).ConfigureAwait(false);
                        break;
                    case "UprPositions":
                        fields.UprPositions = await ReadListAsync(name, problems, ct).ConfigureAwait(false);
                        break;
                    case "UprRecommendingCountry":
                        fields.UprRecommendingCountry = await ReadListAsync(name, problems, ct).ConfigureAwait(false);
                        break;
                    case "Regions" or "UprRecommendingRegions":
                        await ReadListAsync(name, problems, ct).ConfigureAwait(false);
                        break;
                    default:
                        await SkipAsync(await NextAsync(0, atStart: false, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
                        break;
                }
            }
        }

        /// <summary>A text field: a string or null; anything else is a problem named after the field.</summary>
        private async ValueTask<string?> ReadTextAsync(string field, int maxBytes, int maxChars, List<ReadProblem> problems, CancellationToken ct, int? reportedLimit = null)
        {
            var token = await NextAsync(maxBytes, atStart: false, ct).ConfigureAwait(false);
            switch (token)
            {
                case JsonTokenType.Null:
                    return null;
                case JsonTokenType.String:
                    return CheckedText(field, maxChars, problems, reportedLimit);
                default:
                    await SkipAsync(token, ct).ConfigureAwait(false);
                    problems.Add(new ReadProblem(_recordNumber, field, $"expected a text, found {Describe(token)}"));
                    return null;
            }
        }

        /// <summary>A scalar field: a string, a number or null; a list or an object is a problem.</summary>
        private async ValueTask<string?> ReadScalarAsync(string field, List<ReadProblem> problems, CancellationToken ct)
        {
            var token = await NextAsync(FieldBytes, atStart: false, ct).ConfigureAwait(false);
            switch (token)
            {
                case JsonTokenType.Null:
                    return null;
                case JsonTokenType.String:
                    return CheckedText(field, options.MaxFieldLength, problems);
                case JsonTokenType.Number:
                    return tokens.Text;
                default:
                    await SkipAsync(token, ct).ConfigureAwait(false);
                    problems.Add(new ReadProblem(_recordNumber, field, $"expected a text or a number, found {Describe(token)}"));
                    return null;
            }
        }

        /// <summary>A list field: an array of texts (numbers read as text), a single text, or null.</summary>
        private async ValueTask<List<string>> ReadListAsync(string field, List<ReadProblem> problems, CancellationToken ct)
        {
            var values = new List<string>();
            var token = await NextAsync(FieldBytes, atStart: false, ct).ConfigureAwait(false);
            switch (token)
            {
                case JsonTokenType.Null:
                    return values;
                case JsonTokenType.String:
                    AddValue(CheckedText(field, options.MaxFieldLength, problems));
                    return values;
                case JsonTokenType.StartArray:
                    break;
                default:
                    await SkipAsync(token, ct).ConfigureAwait(false);
                    problems.Add(new ReadProblem(_recordNumber, field, $"expected a list of texts, found {Describe(token)}"));
                    return values;
            }

            var reported = false;
            for (var index = 0; ; index++)
            {
                token = await NextAsync(FieldBytes, atStart: false, ct).ConfigureAwait(false);
                if (token == JsonTokenType.EndArray)
                {
                    return values;
                }

                if (token == JsonTokenType.String)
                {
                    AddValue(CheckedText($"{field}[{index}]", options.MaxFieldLength, problems));
                }
                else if (token == JsonTokenType.Number)
                {
                    AddValue(tokens.Text);
                }
                else if (token != JsonTokenType.Null)
                {
                    await SkipAsync(token, ct).ConfigureAwait(false);
                    problems.Add(new ReadProblem(_recordNumber, $"{field}[{index}]", $"expected a text, found {Describe(token)}"));
                }

                if (values.Count > MaxListValues && !reported)
                {
                    problems.Add(new ReadProblem(_recordNumber, field, $"holds more than {MaxListValues} values"));
                    reported = true;
                }
            }

            void AddValue(string? value)
            {
                if (value is not null && values.Count <= MaxListValues)
                {
                    values.Add(value);
                }
            }
        }

        /// <summary>
        /// The current string when it is within <paramref name="maxChars"/>; otherwise a problem naming the field and
        /// <paramref name="reportedLimit"/>, the limit the user knows, when the check runs before markup is removed.
        /// </summary>
        private string? CheckedText(string field, int maxChars, List<ReadProblem> problems, int? reportedLimit = null)
        {
            if (tokens.InvalidEscape)
            {
                problems.Add(new ReadProblem(_recordNumber, field, "holds an escape sequence that is not a valid character"));
                return null;
            }

            if (tokens.Text is null)
            {
                problems.Add(new ReadProblem(_recordNumber, field, $"is {tokens.RawLength} bytes long; the limit is {reportedLimit ?? maxChars} characters"));
                return null;
            }

            if (tokens.Text.Length > maxChars)
            {
                problems.Add(new ReadProblem(_recordNumber, field, $"is {tokens.Text.Length} characters long; the limit is {reportedLimit ?? maxChars}"));
                return null;
            }

            return tokens.Text;
        }

        /// <summary>Skips the value that starts with <paramref name="token"/>, however deeply nested.</summary>
        private async ValueTask SkipAsync(JsonTokenType token, CancellationToken ct)
        {
            if (token is not (JsonTokenType.StartArray or JsonTokenType.StartObject))
            {
                return;
            }

            for (var depth = 1; depth > 0;)
            {
                var next = await NextAsync(0, atStart: false, ct).ConfigureAwait(false);
                depth += next switch
                {
                    JsonTokenType.StartArray or JsonTokenType.StartObject => 1,
                    JsonTokenType.EndArray or JsonTokenType.EndObject => -1,
                    _ => 0,
                };
            }
        }

        private async ValueTask<JsonTokenType> NextAsync(int maxStringBytes, bool atStart, CancellationToken ct)
        {
            var status = await tokens.ReadAsync(maxStringBytes, ct).ConfigureAwait(false);
            return status switch
            {
                JsonTokenStatus.Token => tokens.TokenType,
                JsonTokenStatus.EndOfInput when atStart => throw new StopReadingException("the file is empty"),
                JsonTokenStatus.EndOfInput when _recordNumber == 0 => throw new StopReadingException("the file ends before its first record: it is cut off"),
                JsonTokenStatus.EndOfInput => throw new StopReadingException($"the file ends in the middle of record {_recordNumber}: it is cut off, and records from {_recordNumber} on were not read"),
                JsonTokenStatus.InvalidUtf8 => throw new StopReadingException(InputText.DecodingFailed(encoding, Math.Max(1, _recordNumber))),
                _ => throw new StopReadingException($"record {_recordNumber} holds a value larger than {MaxTokenBytes / (1024 * 1024)} MB"),
            };
        }

        private static string Describe(JsonTokenType token) => token switch
        {
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "a list",
            JsonTokenType.String => "a text",
            JsonTokenType.Number => "a number",
            JsonTokenType.True or JsonTokenType.False => "true or false",
            JsonTokenType.Null => "null",
            _ => token.ToString(),
        };
    }

    /// <summary>The known fields of one UHRI record as read, before they are interpreted.</summary>
    private sealed class JsonFields
    {
        public string? AnnotationId { get; set; }
        public string? AnnotationType { get; set; }
        public string? Body { get; set; }
        public string? Symbol { get; set; }
        public string? Text { get; set; }
        public string? PublicationDate { get; set; }
        public string? UprCycle { get; set; }
        public List<string> Countries { get; set; } = [];
        public List<string> Themes { get; set; } = [];
        public List<string> AffectedPersons { get; set; } = [];
        public List<string> Sdgs { get; set; } = [];
        public List<string> UprSession { get; set; } = [];
        public List<string> UprPositions { get; set; } = [];
        public List<string> UprRecommendingCountry { get; set; } = [];

        public RecommendationRecord? ToRecord(int number, ReadOptions options, List<ReadProblem> problems)
        {
            var draft = new RecordDraft(number, options, problems)
            {
                AnnotationId = Clean(AnnotationId),
                Body = SourceValues.BodyId(Body ?? ""),
                Symbol = Clean(Symbol),
            };
            draft.SetText("Text", Text, splitParagraph: true);
            if (!string.IsNullOrWhiteSpace(PublicationDate))
            {
                draft.SetDate("PublicationDate", PublicationDate, allowSerial: false);
            }

            draft.SetType("AnnotationType", AnnotationType);
            draft.Countries.AddRange(Countries.Select(Clean).OfType<string>().Select(SourceValues.Country));
            draft.Themes.AddRange(Themes.Select(Clean).OfType<string>());
            draft.AffectedPersons.AddRange(AffectedPersons.Select(Clean).OfType<string>());
            draft.SetSdgs("Sdgs", Sdgs.Select(Clean).OfType<string>());
            draft.SetSession("UprSession", UprSession.Select(Clean).OfType<string>().FirstOrDefault());
            draft.SetCycle("UprCycle", Clean(UprCycle));
            draft.SetResponse("UprPositions", UprPositions.Select(Clean).OfType<string>());
            draft.RecommendingStates.AddRange(UprRecommendingCountry.Select(Clean).OfType<string>().Select(SourceValues.Country));
            return draft.Build();
        }

        private static string? Clean(string? value)
        {
            if (value is null)
            {
                return null;
            }

            var cleaned = SourceValues.CollapseWhitespace(SourceValues.StripListMarker(value));
            return cleaned.Length == 0 ? null : cleaned;
        }
    }
}
