using System.Buffers;
using System.Text;

namespace Nmirf.Drafting.Rendering;

/// <summary>Text as the outputs may hold it: XML 1.0 forbids most control characters, and a template can produce them.</summary>
internal static class DraftText
{
    /// <summary>Characters that are never written: C0 controls other than tab, line feed and carriage return.</summary>
    private static readonly SearchValues<char> Suspicious = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"
        + "\uFFFE\uFFFF");

    /// <summary>The text without the characters XML cannot carry (controls, U+FFFE/U+FFFF, unpaired surrogates).</summary>
    public static string ForXml(string text) => NeedsCleaning(text) ? Clean(text) : text;

    /// <summary>Appends the text without the characters XML cannot carry.</summary>
    public static void AppendForXml(StringBuilder builder, ReadOnlySpan<char> text)
    {
        if (!NeedsCleaning(text))
        {
            builder.Append(text);
            return;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (!char.IsSurrogate(c) && !Suspicious.Contains(c))
            {
                builder.Append(c);
            }
        }
    }

    private static bool NeedsCleaning(ReadOnlySpan<char> text)
    {
        if (text.ContainsAny(Suspicious))
        {
            return true;
        }

        // Surrogates are rare (emoji, some CJK); check pairs only when one is present.
        var surrogate = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (surrogate < 0)
        {
            return false;
        }

        for (var i = surrogate; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        AppendForXml(builder, text);
        return builder.ToString();
    }
}
