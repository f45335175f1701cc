using System.Globalization;
using System.Text;
using Markdig.Syntax;

namespace Nmirf.Drafting.Rendering;

/// <summary>
/// The Markdown draft: a cover block, then the template's text with the numbered paragraphs numbered the way
/// CommonMark keeps as text (<c>12\.</c>, which no reader turns into a list).
/// </summary>
internal static class MarkdownWriter
{
    public static string Write(string markdown, MarkdownDocument document, DraftCover cover)
    {
        var output = new StringBuilder(markdown.Length + 4096);
        if (cover.Symbol is { } symbol)
        {
            output.Append("**").Append(Escape(symbol)).Append("**\n\n");
        }

        output.Append(Escape(cover.Body)).Append("  \n").Append(Escape(cover.Treaty)).Append("\n\n");
        output.Append("# ").Append(Escape(cover.Title)).Append("\n\n");
        output.Append(Escape(cover.Country)).Append(" · ").Append(cover.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(" · ").Append(Escape(cover.Status)).Append("\n\n---\n\n");

        var number = 0;
        var written = 0;
        foreach (var block in document)
        {
            if (!DraftMarkdown.IsNumbered(block))
            {
                continue;
            }

            number++;
            var start = block.Span.Start;
            output.Append(markdown, written, start - written);
            output.Append(number.ToString(CultureInfo.InvariantCulture)).Append("\\. ");
            written = start;
        }

        output.Append(markdown, written, markdown.Length - written);
        return output.ToString();
    }

    private static string Escape(string text) => text.Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal).Replace("#", "\\#", StringComparison.Ordinal);
}
