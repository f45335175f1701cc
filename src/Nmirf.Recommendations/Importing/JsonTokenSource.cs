using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Nmirf.Recommendations.Importing;

/// <summary>What <see cref="JsonTokenSource.ReadAsync"/> found.</summary>
internal enum JsonTokenStatus
{
    /// <summary>A token: see <see cref="JsonTokenSource.TokenType"/> and its value.</summary>
    Token,
    /// <summary>The input ended before the JSON did.</summary>
    EndOfInput,
    /// <summary>A string holds bytes that are not UTF-8.</summary>
    InvalidUtf8,
    /// <summary>A single token is larger than the buffer may grow.</summary>
    TooLarge,
}

/// <summary>
/// Reads JSON tokens from a stream with a buffer that holds one token at a time, so that memory stays flat however long
/// the file: the buffer grows only while a token larger than it (a very long text) passes, and shrinks back after.
/// String values longer than the caller asks for are measured, not decoded.
/// </summary>
internal sealed class JsonTokenSource(Stream stream, int maxTokenBytes) : IDisposable
{
    private const int InitialSize = 64 * 1024;
    private const int MaxNumberBytes = 64;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
    private int _start;
    private int _end;
    private bool _endOfStream;
    private long _discarded;
    private JsonReaderState _state = new(new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });

    /// <summary>The kind of the current token.</summary>
    public JsonTokenType TokenType { get; private set; }

    /// <summary>The current string, property name or number as text; null when the string was longer than asked for, or invalid.</summary>
    public string? Text { get; private set; }

    /// <summary>The length in bytes of the current string as it stands in the file (escapes included).</summary>
    public int RawLength { get; private set; }

    /// <summary>True when the current string holds an escape that does not decode (a lone surrogate).</summary>
    public bool InvalidEscape { get; private set; }

    /// <summary>The offset in the input, in bytes, of the end of the current token.</summary>
    public long Position => _discarded + _start;

    /// <summary>Moves to the next token; strings up to <paramref name="maxStringBytes"/> bytes are decoded into <see cref="Text"/>.</summary>
    public async ValueTask<JsonTokenStatus> ReadAsync(int maxStringBytes, CancellationToken ct)
    {
        while (true)
        {
            var status = TryRead(maxStringBytes, out var needMore);
            if (!needMore)
            {
                return status;
            }

            if (_endOfStream)
            {
                return JsonTokenStatus.EndOfInput;
            }

            if (!await FillAsync(ct).ConfigureAwait(false))
            {
                return JsonTokenStatus.TooLarge;
            }
        }
    }

    /// <summary>Whether anything other than whitespace follows the current position.</summary>
    public async ValueTask<bool> HasMoreContentAsync(CancellationToken ct)
    {
        while (true)
        {
            for (var i = _start; i < _end; i++)
            {
                if (_buffer[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    return true;
                }
            }

            _discarded += _end - _start;
            _start = _end;
            if (_endOfStream || !await FillAsync(ct).ConfigureAwait(false))
            {
                return false;
            }
        }
    }

    private JsonTokenStatus TryRead(int maxStringBytes, out bool needMore)
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), isFinalBlock: false, _state);
        if (!reader.Read())
        {
            needMore = true;
            Advance(ref reader);
            return JsonTokenStatus.Token;
        }

        needMore = false;
        TokenType = reader.TokenType;
        Text = null;
        InvalidEscape = false;
        RawLength = 0;
        switch (reader.TokenType)
        {
            case JsonTokenType.String or JsonTokenType.PropertyName:
                RawLength = reader.ValueSpan.Length;
                if (!Utf8.IsValid(reader.ValueSpan))
                {
                    return JsonTokenStatus.InvalidUtf8;
                }

                if (RawLength <= maxStringBytes)
                {
                    try
                    {
                        Text = reader.GetString();
                    }
                    catch (InvalidOperationException)
                    {
                        InvalidEscape = true;
                    }
                }

                break;
            case JsonTokenType.Number:
                RawLength = reader.ValueSpan.Length;
                Text = RawLength <= MaxNumberBytes ? Encoding.UTF8.GetString(reader.ValueSpan) : null;
                break;
        }

        Advance(ref reader);
        return JsonTokenStatus.Token;
    }

    private void Advance(ref Utf8JsonReader reader)
    {
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }

    /// <summary>Reads more input after the unread bytes, growing the buffer when a token fills it; false when it may grow no more.</summary>
    private async ValueTask<bool> FillAsync(CancellationToken ct)
    {
        var unread = _end - _start;
        if (unread == _buffer.Length || (_buffer.Length > InitialSize && unread < InitialSize / 2))
        {
            // A token fills the buffer: grow it. Or a long token has passed: go back to the initial size.
            var size = unread == _buffer.Length ? (long)_buffer.Length * 2 : InitialSize;
            if (size > maxTokenBytes + (long)InitialSize)
            {
                return false;
            }

            var larger = ArrayPool<byte>.Shared.Rent((int)size);
            _buffer.AsSpan(_start, unread).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, unread).CopyTo(_buffer);
        }

        _discarded += _start;
        _start = 0;
        _end = unread;
        var read = await stream.ReadAsync(_buffer.AsMemory(_end), ct).ConfigureAwait(false);
        if (read == 0)
        {
            _endOfStream = true;
        }

        _end += read;
        return true;
    }

    /// <summary>The current number as an integer, or null when it is not one.</summary>
    public int? Int32Value() =>
        Text is not null && int.TryParse(Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
