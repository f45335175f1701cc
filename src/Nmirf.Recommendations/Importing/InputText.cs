using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Nmirf.Recommendations.Importing;

/// <summary>
/// The encoding of a text input, told from its first bytes: UTF-8 with or without a byte-order mark, and UTF-16 with one.
/// UTF-16 without a byte-order mark and text in a legacy code page are refused rather than guessed: a wrong guess would
/// import garbled names silently.
/// </summary>
internal static class InputText
{
    /// <summary>How many bytes are looked at to tell the encoding.</summary>
    public const int HeadLength = 4096;

    /// <summary>Decodes UTF-8 and throws on an invalid byte sequence, so that a file in another encoding is refused, not garbled.</summary>
    public static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Encoding StrictUtf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads the first bytes of <paramref name="stream"/> and returns the text input after its byte-order mark, with its
    /// encoding; or the file-level problem that refuses it.
    /// </summary>
    public static async Task<OpenedText> OpenAsync(Stream stream, CancellationToken ct)
    {
        var head = new byte[HeadLength];
        var length = await ReadHeadAsync(stream, head, ct).ConfigureAwait(false);
        var problem = Classify(head.AsSpan(0, length), out var encoding, out var bom);
        return problem is not null
            ? new OpenedText(null, null, problem)
            : new OpenedText(new PrefixedStream(head.AsMemory(bom, length - bom), stream), encoding, null);
    }

    /// <summary>Fills <paramref name="head"/> from the stream as far as it goes.</summary>
    public static async Task<int> ReadHeadAsync(Stream stream, byte[] head, CancellationToken ct)
    {
        var length = 0;
        while (length < head.Length)
        {
            var read = await stream.ReadAsync(head.AsMemory(length), ct).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        return length;
    }

    /// <summary>The encoding of a text that starts with <paramref name="head"/> and the length of its byte-order mark, or why it is refused.</summary>
    public static string? Classify(ReadOnlySpan<byte> head, out Encoding encoding, out int bom)
    {
        encoding = StrictUtf8;
        bom = 0;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) || head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return "the file is UTF-32 text; save it as UTF-8";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bom = 3;
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            (encoding, bom) = (StrictUtf16Le, 2);
            return null;
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            (encoding, bom) = (StrictUtf16Be, 2);
            return null;
        }

        var text = head[bom..];
        var nul = text.IndexOf((byte)0);
        if (nul >= 0)
        {
            return LooksLikeUtf16(text)
                ? "the file looks like UTF-16 text without a byte-order mark; save it as UTF-8 (or as UTF-16 with a byte-order mark)"
                : "the file holds binary data (NUL bytes), not text";
        }

        return IsValidUtf8Start(text) ? null : NotUtf8;
    }

    /// <summary>The reason given for a file that is not valid UTF-8.</summary>
    public const string NotUtf8 = "the file is not valid UTF-8 (it may be in a legacy encoding such as Windows-1252); save it as UTF-8";

    /// <summary>The reason given for a file whose decoding failed after its first bytes.</summary>
    public static string DecodingFailed(Encoding encoding, int recordNumber) =>
        encoding is UnicodeEncoding
            ? $"the file is not valid UTF-16 (the text breaks off near record {recordNumber}); save it as UTF-8"
            : $"the file is not valid UTF-8 near record {recordNumber} (it may be in a legacy encoding such as Windows-1252); save it as UTF-8";

    /// <summary>A reader that decodes the text strictly and leaves the stream open.</summary>
    public static StreamReader Reader(Stream content, Encoding encoding) =>
        new(content, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);

    /// <summary>The input as UTF-8 bytes: as it is when it is UTF-8, transcoded when it is UTF-16.</summary>
    public static Stream AsUtf8(Stream content, Encoding encoding) =>
        encoding is UTF8Encoding ? content : Encoding.CreateTranscodingStream(content, encoding, Encoding.UTF8, leaveOpen: true);

    private static bool LooksLikeUtf16(ReadOnlySpan<byte> text)
    {
        // ASCII text in UTF-16 has a NUL in every other byte: at odd positions in little-endian, at even ones in big-endian.
        int even = 0, odd = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == 0)
            {
                if (i % 2 == 0)
                {
                    even++;
                }
                else
                {
                    odd++;
                }
            }
        }

        var pairs = Math.Max(1, text.Length / 2);
        return Math.Max(even, odd) * 4 >= pairs && Math.Min(even, odd) * 4 < Math.Max(even, odd);
    }

    private static bool IsValidUtf8Start(ReadOnlySpan<byte> text)
    {
        // The head may end inside a multi-byte character: only an invalid sequence fails, not an incomplete one at the end.
        var chars = ArrayPool<char>.Shared.Rent(text.Length + 1);
        try
        {
            var status = Utf8.ToUtf16(text, chars, out _, out _, replaceInvalidSequences: false, isFinalBlock: false);
            return status is OperationStatus.Done or OperationStatus.NeedMoreData;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}

/// <summary>A text input opened by <see cref="InputText.OpenAsync"/>: the content after its byte-order mark and its encoding, or the problem that refuses it.</summary>
internal sealed record OpenedText(Stream? Content, Encoding? Encoding, string? Problem);
